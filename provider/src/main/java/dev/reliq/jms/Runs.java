package dev.reliq.jms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Splitting a list into runs of consecutive items with the same key, order kept (one batch per queue). */
final class Runs {

    private Runs() {
    }

    static <T> List<List<T>> of(List<T> items, Function<T, ?> key) {
        List<List<T>> runs = new ArrayList<>();
        List<T> run = null;
        Object runKey = null;
        for (T item : items) {
            Object k = key.apply(item);
            if (run == null || !Objects.equals(k, runKey)) {
                run = new ArrayList<>();
                runs.add(run);
                runKey = k;
            }
            run.add(item);
        }
        return runs;
    }
}
