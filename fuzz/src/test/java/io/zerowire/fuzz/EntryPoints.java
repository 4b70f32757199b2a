package io.zerowire.fuzz;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import java.util.Arrays;

/**
 * Calls one parser entry point on its own copy of an input: it may return or throw the typed
 * {@link ParseException}, nothing else (anything else propagates to the fuzzer as a finding). A
 * parse never writes to the input, a rejected one leaves the buffer as it was, and what a parser
 * returns is fully readable ({@code toString()} reads every field).
 */
final class EntryPoints {
    private EntryPoints() {}

    /** A parser entry point over a buffer; returns what it parsed, to be read. */
    interface Parse {
        Object parse(PacketBuffer buffer) throws ParseException;
    }

    /** Parses a copy of {@code input} with {@code parse}; returns the error, or null if it parsed. */
    static ParseException attempt(String name, byte[] input, Parse parse) {
        byte[] copy = input.clone();
        PacketBuffer buffer = PacketBuffer.wrap(copy);
        ParseException error = null;
        try {
            Object parsed = parse.parse(buffer);
            String.valueOf(parsed);
        } catch (ParseException e) {
            FrameProperties.require(buffer.bodyStart() == 0 && buffer.bodyLength() == input.length,
                    name + " moved the buffer on a failed parse (" + e.getMessage() + ")", input);
            FrameProperties.require(!e.getMessage().isEmpty(), name + " gave an empty error message", input);
            error = e;
        }
        FrameProperties.require(Arrays.equals(copy, input), name + " wrote to its input", input);
        return error;
    }
}
