package io.phonectl.sim.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Phones that answer late or not at all, as in a real fleet: every phone answers after {@code answerDelay}; a share
 * of them ({@code slowShare}) after {@code slowDelay} instead (a phone behind a slow link, or busy); a share
 * ({@code deadShare}) never accepts a connection at all (switched off: the connect times out, it is not refused).
 * Which phones are slow or dead is fixed by their index and spread evenly over the fleet (a low-discrepancy
 * sequence), so runs repeat and a tenth is every tenth phone or so, not the last tenth. Phone 0 is never impaired,
 * so a fleet always has a phone that answers.
 *
 * @param answerDelay every phone's delay before it answers (default none)
 * @param slowShare   share of phones (0..1) that answer after {@code slowDelay} instead
 * @param slowDelay   the slow phones' delay
 * @param deadShare   share of phones (0..1) that never accept a connection; slow plus dead at most 1
 */
public record Impairments(Duration answerDelay, double slowShare, Duration slowDelay, double deadShare) {

    /** Longest delay: long enough for any slow link, short enough that a forgotten setting shows. */
    static final Duration MAX_DELAY = Duration.ofMinutes(2);

    /** 1/φ: consecutive multiples modulo 1 spread more evenly than any other step. */
    private static final double STEP = 0.6180339887498949;

    /** Every phone answers at once; none is dead. (Declared after the limits its construction checks.) */
    public static final Impairments NONE = new Impairments(Duration.ZERO, 0, Duration.ZERO, 0);

    public Impairments {
        Objects.requireNonNull(answerDelay, "answerDelay");
        Objects.requireNonNull(slowDelay, "slowDelay");
        checkDelay("answerDelay", answerDelay);
        checkDelay("slowDelay", slowDelay);
        checkShare("slowShare", slowShare);
        checkShare("deadShare", deadShare);
        if (slowShare + deadShare > 1.0) {
            throw new IllegalArgumentException("slowShare + deadShare = " + (slowShare + deadShare)
                    + ": must be at most 1 (a phone is slow or dead, not both)");
        }
    }

    public Impairments withAnswerDelay(Duration d) {
        return new Impairments(d, slowShare, slowDelay, deadShare);
    }

    public Impairments withSlow(double share, Duration delay) {
        return new Impairments(answerDelay, share, delay, deadShare);
    }

    public Impairments withDead(double share) {
        return new Impairments(answerDelay, slowShare, slowDelay, share);
    }

    /** Whether phone {@code index} never accepts a connection. */
    public boolean dead(int index) {
        return index > 0 && position(index) < deadShare;
    }

    /** How long phone {@code index} waits before it answers (zero for none). */
    public Duration delay(int index) {
        if (index > 0) {
            double u = position(index);
            if (u >= deadShare && u < deadShare + slowShare) {
                return slowDelay;
            }
        }
        return answerDelay;
    }

    public boolean none() {
        return answerDelay.isZero() && slowShare == 0 && deadShare == 0;
    }

    private static double position(int index) {
        double x = index * STEP;
        return x - Math.floor(x);
    }

    private static void checkDelay(String field, Duration d) {
        if (d.isNegative() || d.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException(field + " = " + d.toMillis() + " ms: must be 0.." + MAX_DELAY.toMillis()
                    + " ms");
        }
    }

    private static void checkShare(String field, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(field + " = " + share + ": must be a share of phones, 0..1");
        }
    }
}
