package dev.reliq.benchmarks;

/** How many producers and consumers a run has, each with a connection and a session of its own. */
record Shape(int producers, int consumers) {

    static final Shape ONE_BY_ONE = new Shape(1, 1);
    static final Shape FOUR_BY_FOUR = new Shape(4, 4);

    @Override
    public String toString() {
        return producers + "x" + consumers;
    }
}
