package io.atoll.devstack.cli.simulate;

/** The end of a simulation: its windows one a line, then its totals. */
public final class RunSummary {
    private RunSummary() {
    }

    public static String of(Fleet.Run run) {
        StringBuilder summary = new StringBuilder("by window:\n");
        for (Fleet.Window window : run.windows()) {
            summary.append(String.format("  %4d-%4d s  %s%n", window.fromSecond(), window.toSecond(), window.stats().counts()));
            window.endedBy().forEach(event -> summary.append("  ---------  ").append(event).append('\n'));
        }
        summary.append("total: ").append(run.total().counts()).append('\n');
        return summary.toString();
    }

    /** Whether more than {@code maxFailedPercent} of the calls failed, or none was made at all. */
    public static boolean failed(Fleet.Run run, double maxFailedPercent) {
        return run.total().sent() == 0 || run.total().failedShare() * 100 > maxFailedPercent;
    }
}
