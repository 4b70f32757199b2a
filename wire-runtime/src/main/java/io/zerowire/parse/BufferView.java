package io.zerowire.parse;

/**
 * What a parser sees: a cursor over the body of a buffer that consumes bytes from the front or
 * the back. Consumed bytes are not lost: they move into the buffer's prefix or suffix, from where
 * {@code undoParse} can give them back.
 *
 * <p>Every {@code take} returns the <em>array index</em> of the taken bytes in {@link #array()},
 * so a parser reads them in place and nothing is copied.
 */
public interface BufferView {
    /** The backing array. Valid indices for reading are those handed out by the take methods. */
    byte[] array();

    /** Array index of the first byte not yet consumed. */
    int bodyStart();

    /** Array index one past the last byte not yet consumed. */
    int bodyEnd();

    /** How many bytes have not been consumed yet. */
    default int remaining() {
        return bodyEnd() - bodyStart();
    }

    /**
     * Offset of the first unconsumed byte from the start of the buffer's region: the number that
     * error messages report, so that a user can find the byte in a hex dump of the frame.
     */
    int position();

    /**
     * Consumes {@code n} bytes from the front.
     *
     * @return the array index of the first consumed byte
     * @throws ParseException ({@link ParseErrorKind#MALFORMED}) if fewer than {@code n} bytes remain
     */
    int takeFront(int n) throws ParseException;

    /**
     * Consumes {@code n} bytes from the back.
     *
     * @return the array index of the first consumed byte
     * @throws ParseException ({@link ParseErrorKind#MALFORMED}) if fewer than {@code n} bytes remain
     */
    int takeBack(int n) throws ParseException;

    /** The unsigned byte at {@code index} bytes past the front, without consuming; the caller checks {@link #remaining()}. */
    default int peekU8(int index) {
        return array()[bodyStart() + index] & 0xFF;
    }
}
