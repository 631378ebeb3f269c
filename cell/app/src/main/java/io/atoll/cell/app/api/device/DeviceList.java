package io.atoll.cell.app.api.device;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record DeviceList(List<DeviceView> devices) {
}
