package io.atoll.cell.app.api.checkin;

import io.atoll.cell.app.domain.checkin.CheckinAcknowledgement;
import io.atoll.cell.app.domain.checkin.CheckinLoad;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** {@code atoll_app_checkins_total{outcome=stored|replayed}} and {@code atoll_app_checkins_in_flight}. */
@Singleton
final class CheckinMetrics {
    private final Counter stored;
    private final Counter replayed;

    CheckinMetrics(MeterRegistry meters, CheckinLoad load) {
        stored = Counter.builder("atoll.app.checkins").tag("outcome", "stored").description("Check-ins acknowledged").register(meters);
        replayed = Counter.builder("atoll.app.checkins").tag("outcome", "replayed").description("Check-ins acknowledged").register(meters);
        Gauge.builder("atoll.app.checkins.in_flight", load, CheckinLoad::inFlight).description("Check-ins being handled").register(meters);
    }

    void count(CheckinAcknowledgement acknowledgement) {
        (acknowledgement.replayed() ? replayed : stored).increment();
    }
}
