package io.atoll.devstack.platform;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.process.StateFile;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The servers of the local platform and the processes it started for them. {@code up} uses a server
 * that already answers, starts one where none does, and records what it started in the state folder;
 * {@code down} stops exactly those. Servers come in stages: those of one stage start side by side, a
 * stage starts once the one before it is ready (services after the databases they use), and
 * {@code down} stops the stages in reverse.
 */
public final class LocalPlatform {
    /** How long a status waits for the slowest probe: long enough for a busy server, short enough for a person. */
    private static final Duration STATUS_DEADLINE = Duration.ofMillis(1500);
    private final Path stateDir;
    private final List<List<Server>> stages;
    private final StateFile state;
    private final OptionalLong ownerPid;

    /**
     * @param ownerPid when present, every server started here stops once this process exits (the
     *                 servers of a test run belong to its build)
     */
    public LocalPlatform(Path stateDir, List<List<Server>> stages, OptionalLong ownerPid) {
        this.stateDir = requireNonNull(stateDir, "stateDir is null").toAbsolutePath();
        this.stages = stages.stream().map(List::copyOf).toList();
        this.ownerPid = requireNonNull(ownerPid, "ownerPid is null");
        this.state = new StateFile(this.stateDir);
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Makes every server available, stage by stage, starting the missing ones side by side; returns their status. */
    public List<ComponentStatus> up(Progress progress) {
        for (List<Server> stage : stages) {
            List<CompletableFuture<Void>> starts = stage.stream()
                    .map(server -> CompletableFuture.runAsync(() -> bringUp(server, progress)))
                    .toList();
            try {
                CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof PlatformException problem) {
                    throw problem;
                }
                throw new PlatformException(e.getCause().getMessage(), e.getCause());
            }
        }
        return status();
    }

    private void bringUp(Server server, Progress progress) {
        try {
            Optional<OwnedProcess> recorded = state.find(server.name());
            if (recorded.isPresent()) {
                if (recorded.get().live().isPresent()) {
                    Readiness.await(server, Duration.ofSeconds(120), recorded.get().log(), () -> recorded.get().live().isPresent());
                    progress.report(server.name(), "already running (pid " + recorded.get().pid() + ") on " + server.endpoint());
                    return;
                }
                progress.report(server.name(), "the one started before has exited (log: " + recorded.get().log() + "); starting again");
                state.forget(server.name());
            }
            Answer answer = server.probe();
            switch (answer) {
                case READY -> progress.report(server.name(), "using the server already running on " + server.endpoint());
                case FOREIGN, STARTING -> throw new PlatformException("port " + server.endpoint().port() + " is taken by something that is not "
                        + server.name() + " (or not one Atoll can use); choose another port with " + server.portSetting());
                case SILENT -> start(server, progress);
            }
        } catch (IOException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }

    private void start(Server server, Progress progress) throws IOException {
        if (!server.endpoint().isLocal()) {
            throw new PlatformException("no " + server.name() + " answers at " + server.endpoint()
                    + " and Atoll starts servers only on this machine; check the address or start it there");
        }
        long started = System.nanoTime();
        OwnedProcess process = server.start(stateDir.resolve(server.name()), progress);
        state.record(process);
        if (ownerPid.isPresent()) {
            Processes.stopWhenGone(ownerPid.getAsLong(), process.pid(), stateDir.resolve(server.name()).resolve("watchdog.log"));
        }
        progress.report(server.name(), "ready on " + server.endpoint() + " (pid " + process.pid() + ", "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
    }

    /** Stops every process this platform started, the last stage first; harmless when none runs. */
    public void down(Progress progress) {
        try {
            List<Server> servers = new ArrayList<>(allServers());
            Collections.reverse(servers);
            for (Server server : servers) {
                Optional<OwnedProcess> recorded = state.find(server.name());
                if (recorded.isPresent()) {
                    stop(server, recorded.get(), progress);
                }
            }
            for (OwnedProcess stray : state.all()) {
                // Started under settings that name it no more: stop the process, not a server we cannot name.
                progress.report(stray.component(), "stopping pid " + stray.pid() + " (no longer configured)");
                var live = stray.live();
                if (live.isPresent()) {
                    Processes.terminate(live.get(), Duration.ofSeconds(30));
                }
                state.forget(stray.component());
            }
        } catch (IOException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }

    private void stop(Server server, OwnedProcess process, Progress progress) throws IOException {
        if (process.live().isPresent()) {
            progress.report(process.component(), "stopping pid " + process.pid());
            server.stop(process);
            progress.report(process.component(), "stopped");
        } else {
            progress.report(process.component(), "was not running");
        }
        state.forget(process.component());
    }

    private List<Server> allServers() {
        return stages.stream().flatMap(List::stream).toList();
    }

    /**
     * What runs where, and which of it the platform owns. Every server is probed at once; one whose probe has not
     * answered within {@link #STATUS_DEADLINE} is reported as starting (it holds its port but does not answer
     * yet), so a status takes no longer however many servers hang.
     */
    public List<ComponentStatus> status() {
        ExecutorService probes = Executors.newFixedThreadPool(Math.max(1, allServers().size()), runnable -> {
            Thread thread = new Thread(runnable, "status-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<ComponentStatus>> statuses = allServers().stream()
                    .map(server -> CompletableFuture.supplyAsync(() -> statusOf(server), probes)
                            .completeOnTimeout(unanswered(server), STATUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                    .toList();
            return statuses.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? new PlatformException(io.getCause().getMessage(), io) : e;
        } finally {
            probes.shutdownNow();
        }
    }

    private ComponentStatus statusOf(Server server) {
        Optional<OwnedProcess> recorded = recorded(server);
        if (recorded.isPresent()) {
            OwnedProcess process = recorded.get();
            // A dead process needs no probe: whatever answers on its port now is not it.
            ComponentState componentState = process.live().isEmpty() ? ComponentState.CRASHED
                    : server.probe() == Answer.READY ? ComponentState.READY : ComponentState.STARTING;
            return owned(server, process, componentState, detailsOf(server, componentState));
        }
        ComponentState componentState = switch (server.probe()) {
            case READY -> ComponentState.READY;
            case STARTING -> ComponentState.STARTING;
            case SILENT -> ComponentState.DOWN;
            case FOREIGN -> ComponentState.PORT_TAKEN;
        };
        return new ComponentStatus(server.name(), server.endpoint(), componentState, false, OptionalLong.empty(), Optional.empty(),
                detailsOf(server, componentState));
    }

    private static Map<String, Object> detailsOf(Server server, ComponentState state) {
        return state == ComponentState.READY ? server.details() : Map.of();
    }

    private ComponentStatus unanswered(Server server) {
        return recorded(server).map(process -> owned(server, process, ComponentState.STARTING, Map.of()))
                .orElseGet(() -> new ComponentStatus(server.name(), server.endpoint(), ComponentState.STARTING, false,
                        OptionalLong.empty(), Optional.empty()));
    }

    private static ComponentStatus owned(Server server, OwnedProcess process, ComponentState componentState, Map<String, Object> details) {
        return new ComponentStatus(server.name(), server.endpoint(), componentState, true, OptionalLong.of(process.pid()),
                Optional.of(process.log()), details);
    }

    private Optional<OwnedProcess> recorded(Server server) {
        try {
            return state.find(server.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
