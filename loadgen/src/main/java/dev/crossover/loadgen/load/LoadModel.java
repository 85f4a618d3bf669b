package dev.crossover.loadgen.load;

/** How requests are released. */
public enum LoadModel {
    /** A fixed number of users, each sending its next request when its previous one ends. */
    CLOSED,
    /** Open loop, evenly spaced arrivals at the stage's rate; never waits for responses. */
    CONSTANT,
    /** Open loop, exponentially distributed gaps at the stage's mean rate (seeded). */
    POISSON;

    public boolean openLoop() { return this != CLOSED; }
}
