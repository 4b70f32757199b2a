package io.zerowire.benchmarks.parse;

/**
 * One implementation of a parse scenario, for the equality checks only: the benchmarks call each
 * implementation's own final method, so no timed call goes through this interface.
 *
 * @param <F> the fields it fills
 */
public interface FrameParser<F> {
    /** A short name for tables and errors: {@code zerowire}, {@code pcap4j}... */
    String name();

    /**
     * Parses frame {@code index} of the set the parser was made for into {@code out}.
     *
     * @return false if the frame is rejected (a bad checksum when {@code verify}, a malformed header)
     */
    boolean parse(int index, boolean verify, F out) throws Exception;
}
