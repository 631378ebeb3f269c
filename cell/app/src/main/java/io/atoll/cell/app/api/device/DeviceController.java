package io.atoll.cell.app.api.device;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.device.Device;
import io.atoll.cell.app.domain.device.DevicePlatform;
import io.atoll.cell.app.domain.device.DeviceService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The signed-in member's devices. */
@Controller("/v1/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceController {
    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = requireNonNull(devices, "devices is null");
    }

    @Post
    HttpResponse<DeviceView> register(Caller caller, @Body @Valid DeviceRegistration registration) {
        Device device = devices.register(caller.accountId(), registration.name(), DevicePlatform.ofWireName(registration.platform()));
        return HttpResponse.created(DeviceView.of(device), URI.create("/v1/devices/" + device.id()));
    }

    @Get
    DeviceList list(Caller caller) {
        return new DeviceList(devices.list(caller.accountId()).stream().map(DeviceView::of).toList());
    }

    @Get("/{id}")
    DeviceView read(Caller caller, @PathVariable UUID id) {
        return DeviceView.of(devices.details(caller.accountId(), id));
    }

    /** Retires the device: it stays readable for a while but accepts no more check-ins. */
    @Delete("/{id}")
    DeviceView retire(Caller caller, @PathVariable UUID id) {
        return DeviceView.of(devices.retire(caller.accountId(), id));
    }

    @Post("/{id}/retire")
    DeviceView retireByPost(Caller caller, @PathVariable UUID id) {
        return retire(caller, id);
    }
}
