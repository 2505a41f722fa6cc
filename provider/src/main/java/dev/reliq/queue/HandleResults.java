package dev.reliq.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per receipt handle, what an acknowledge, release, extend or dead-letter call did. */
public final class HandleResults {

    private final Map<String, HandleOutcome> outcomes;

    HandleResults(Map<String, HandleOutcome> outcomes) {
        this.outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The outcome for every handle, in the order the handles were given. */
    public Map<String, HandleOutcome> outcomes() {
        return outcomes;
    }

    public HandleOutcome outcome(String receiptHandle) {
        HandleOutcome outcome = outcomes.get(receiptHandle);
        if (outcome == null) {
            throw new IllegalArgumentException("No result for receipt handle " + receiptHandle);
        }
        return outcome;
    }

    /** The stale handles: their messages were not in flight under them, so nothing changed. */
    public List<String> notInFlight() {
        List<String> stale = new ArrayList<>();
        outcomes.forEach((handle, outcome) -> {
            if (outcome == HandleOutcome.NOT_IN_FLIGHT) {
                stale.add(handle);
            }
        });
        return stale;
    }

    /** True when no handle was stale. */
    public boolean allInFlight() {
        return !outcomes.containsValue(HandleOutcome.NOT_IN_FLIGHT);
    }

    @Override
    public String toString() {
        return outcomes.toString();
    }
}
