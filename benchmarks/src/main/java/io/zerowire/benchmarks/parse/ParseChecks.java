package io.zerowire.benchmarks.parse;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The answers of every implementation of a parse scenario, compared frame by frame before anything
 * is timed (each benchmark's {@code @Setup} calls this, and so does the module's unit test).
 */
public final class ParseChecks {
    private ParseChecks() {}

    /**
     * Parses frames {@code 0..count-1} with each parser and throws if any answer differs from the
     * first parser's, or if {@code expectAccepted} and the first parser rejects a frame.
     *
     * @return how many frames the first parser accepted
     * @throws IllegalStateException naming the scenario, the frame, the parser and both answers
     */
    public static <F> int agree(String scenario, int count, boolean verify, boolean expectAccepted, Supplier<F> fields,
            BiPredicate<F, F> same, List<? extends FrameParser<F>> parsers) {
        FrameParser<F> reference = parsers.get(0);
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            F expected = fields.get();
            boolean ok = run(reference, i, verify, expected);
            if (expectAccepted && !ok) {
                throw new IllegalStateException(scenario + ": " + reference.name() + " rejects frame " + i);
            }
            accepted += ok ? 1 : 0;
            for (FrameParser<F> parser : parsers.subList(1, parsers.size())) {
                F actual = fields.get();
                boolean parsed = run(parser, i, verify, actual);
                if (parsed != ok || ok && !same.test(expected, actual)) {
                    throw new IllegalStateException(String.format("%s, frame %d: %s says %s, %s says %s", scenario, i,
                            reference.name(), ok ? expected : "rejected", parser.name(), parsed ? actual : "rejected"));
                }
            }
        }
        return accepted;
    }

    private static <F> boolean run(FrameParser<F> parser, int index, boolean verify, F out) {
        try {
            return parser.parse(index, verify, out);
        } catch (Exception e) {
            throw new IllegalStateException(parser.name() + " failed on frame " + index + ": " + e, e);
        }
    }
}
