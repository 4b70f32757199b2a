package io.zerowire.ip;

import java.util.Objects;

/**
 * Thrown when text does not spell a valid address or subnet.
 *
 * <p>The message has the form {@code Invalid <kind> "<input>": <problem>}, for example
 * {@code Invalid IPv6 address "1::2::3": more than one "::"}. The input is quoted with
 * {@code "} and {@code \} escaped, characters outside printable ASCII shown as {@code \}{@code
 * uXXXX}, and inputs longer than {@value #MAX_QUOTED_LENGTH} characters cut short, so that the
 * message stays readable whatever the input was. The unabridged input is available from {@link
 * #input()}.
 */
public final class AddressFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The number of input characters quoted in the message before it is cut short. */
    public static final int MAX_QUOTED_LENGTH = 64;

    /** What was being parsed, e.g. {@code "IPv6 address"}. */
    private final String kind;
    /** The text that failed to parse. */
    private final String input;
    /** What is wrong with the text. */
    private final String problem;

    /**
     * Creates an exception for {@code input}, which is not a valid {@code kind}.
     *
     * @param kind what was being parsed, e.g. {@code "IPv4 address"} or {@code "MAC address"}
     * @param input the text that failed to parse
     * @param problem what is wrong with the text, e.g. {@code more than one "::"}
     * @throws NullPointerException if any argument is null
     */
    public AddressFormatException(String kind, String input, String problem) {
        super("Invalid " + Objects.requireNonNull(kind, "kind") + " "
                + quote(Objects.requireNonNull(input, "input")) + ": "
                + Objects.requireNonNull(problem, "problem"));
        this.kind = kind;
        this.input = input;
        this.problem = problem;
    }

    /**
     * Returns what was being parsed.
     *
     * @return the kind of text, e.g. {@code "IPv6 subnet"}
     */
    public String kind() {
        return kind;
    }

    /**
     * Returns the text that failed to parse, in full.
     *
     * @return the input
     */
    public String input() {
        return input;
    }

    /**
     * Returns what is wrong with the input, without the quoted input.
     *
     * @return the problem, e.g. {@code more than one "::"}
     */
    public String problem() {
        return problem;
    }

    /** Quotes {@code text} for a message: escaped, cut short after {@link #MAX_QUOTED_LENGTH}. */
    static String quote(String text) {
        int shown = Math.min(text.length(), MAX_QUOTED_LENGTH);
        StringBuilder sb = new StringBuilder(shown + 32).append('"');
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (shown < text.length()) {
            sb.append("... (").append(text.length()).append(" characters)");
        }
        return sb.toString();
    }

    /** Describes one character for a message: {@code 'x'}, or {@code U+0000} if not printable. */
    static String describe(char c) {
        if (c > 0x20 && c < 0x7f && c != '\'') {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }
}
