package io.atoll.router.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One cell as the admin API shows it.
 *
 * @param id the cell's id
 * @param region its region
 * @param ingressUrl where the router sends its traffic
 * @param registryState {@code active} or {@code draining}, as the registry file says
 * @param drainedBy who drained it: {@code operator} (admin API), {@code registry} (file), both or neither
 * @param readiness {@code READY}, {@code NOT_READY} or {@code UNKNOWN} (not probed yet), from the readiness probes
 * @param lastProbeFailure why the last probe failed, while probes fail
 * @param ejectedForMillis how much longer outlier detection keeps the cell out, when it does
 * @param rttMillis the smoothed round-trip time of the probes
 * @param routable whether new requests may go to the cell
 * @param requestsPerSecond requests answered for the cell, over the last seconds
 * @param errorRate the share of those answered with a 5xx status
 */
@Serdeable
public record CellView(String id, String region, String ingressUrl, String registryState, List<String> drainedBy,
                       String readiness, @Nullable String lastProbeFailure, @Nullable Long ejectedForMillis,
                       @Nullable Double rttMillis, boolean routable, double requestsPerSecond, double errorRate) {
}
