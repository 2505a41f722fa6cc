package dev.reliq.benchmarks;

/**
 * The cost of one receive and its acknowledgement on an empty queue and on a deep one.
 *
 * @param api which API was timed
 * @param depth how many messages waited in the deep queue
 * @param empty receive+acknowledge with no other message waiting
 * @param deep receive+acknowledge with {@code depth} messages waiting
 */
record BacklogResult(String api, long depth, Timing empty, Timing deep) {

    /** deep ÷ empty, by median time (the mean follows the machine's hiccups): 1.0 means depth costs nothing. */
    double ratio() {
        return deep.p50Micros() / empty.p50Micros();
    }
}
