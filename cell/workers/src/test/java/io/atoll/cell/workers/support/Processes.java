package io.atoll.cell.workers.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the processes a job started are still there. */
public final class Processes {
    private Processes() {
    }

    /** Alive and not a zombie: a zombie has ended and only waits for a parent to reap it. */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }
}
