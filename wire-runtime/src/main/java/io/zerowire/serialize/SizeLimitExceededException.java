package io.zerowire.serialize;

/**
 * A packet does not fit within the maximum body length (the MTU) that its outer layers allow
 * (netstack3's {@code SerializeError::SizeLimitExceeded}).
 *
 * <p>The serializer that threw it is unchanged, so the caller may retry with a larger limit, or
 * wrap the body in a {@link TruncatingSerializer}. Checked, because a too-large packet is an
 * ordinary outcome of sending user data, not a bug. No stack trace is captured.
 */
public final class SizeLimitExceededException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long needed;
    private final long limit;

    /**
     * @param needed the body length that was asked for, or -1 when the headers alone do not fit
     * @param limit the largest body length the outer layers allow
     */
    public SizeLimitExceededException(long needed, long limit) {
        super(null, null, false, false);
        this.needed = needed;
        this.limit = limit;
    }

    /** The body length that did not fit, or -1 when the inner headers alone exceed the limit. */
    public long needed() {
        return needed;
    }

    /** The largest body length allowed at the layer where the check failed. */
    public long limit() {
        return limit;
    }

    @Override
    public String getMessage() {
        return needed < 0
                ? "the inner headers and footers alone exceed the size limit of " + limit + " bytes"
                : "a body of " + needed + " bytes exceeds the size limit of " + limit + " bytes";
    }
}
