package dev.reliq.benchmarks;

/**
 * One core operation's cost, the script by itself with nothing else running.
 *
 * @param operation the call, e.g. {@code receive(16)}
 * @param messagesPerCall how many messages one call handles
 * @param redisMicrosPerCall Redis's own time in the script per call (INFO commandstats usec of EVALSHA)
 * @param roundTripMicrosPerCall the caller's time per call: client, network and Redis
 */
record OperationCost(String operation, int messagesPerCall, double redisMicrosPerCall, double roundTripMicrosPerCall) {

    double redisMicrosPerMessage() {
        return redisMicrosPerCall / messagesPerCall;
    }
}
