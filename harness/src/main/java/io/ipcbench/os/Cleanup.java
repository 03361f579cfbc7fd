package io.ipcbench.os;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must not outlive the JVM (peer processes, private directories) registers here; one
 * shutdown hook undoes it all, newest first, when the run is interrupted. Other threads keep
 * running while the hook does: what one of them registers after the hook began is undone at once.
 * What must happen before anything is undone (a sweep that stops saving cells, so that none is
 * saved as failed because its peer was killed by this hook) registers with {@link #registerFirst}.
 */
public final class Cleanup {
    private static final Map<Object, Runnable> FIRST = new LinkedHashMap<>();
    private static final Map<Object, Runnable> ACTIONS = new LinkedHashMap<>();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "ipcbench-cleanup"));
    }

    private Cleanup() {
    }

    /** Registers an action for shutdown; returns what removes it again once it has been done normally. */
    public static Runnable register(Runnable action) {
        return register(ACTIONS, action);
    }

    /** As {@link #register}, for an action the hook runs before every other. */
    public static Runnable registerFirst(Runnable action) {
        return register(FIRST, action);
    }

    private static Runnable register(Map<Object, Runnable> actions, Runnable action) {
        synchronized (Cleanup.class) {
            if (!shuttingDown) {
                Object key = new Object();
                actions.put(key, action);
                return () -> {
                    synchronized (Cleanup.class) {
                        actions.remove(key);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }

    private static void runAll() {
        List<Runnable> actions;
        synchronized (Cleanup.class) {
            shuttingDown = true;
            actions = new ArrayList<>(ACTIONS.values());
            actions.addAll(FIRST.values());
            ACTIONS.clear();
            FIRST.clear();
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            try {
                actions.get(i).run();
            } catch (RuntimeException ignored) {
                // Keep undoing the rest.
            }
        }
    }
}
