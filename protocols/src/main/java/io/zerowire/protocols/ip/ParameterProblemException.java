package io.zerowire.protocols.ip;

import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;

/**
 * An IP packet rejected for a reason that the receiver should answer with an ICMP or ICMPv6
 * parameter problem: it carries the message's code and pointer, and whether an answer may be sent
 * at all.
 *
 * <p>The pointer counts bytes from the start of the IP header (RFC 792, RFC 4443 section 3.4), not
 * from the start of the buffer like {@link #offset()}. The codes are ICMPv6's (RFC 4443): 0
 * erroneous header field, 1 unrecognized next header, 2 unrecognized IPv6 option; IPv4 uses 0 with a
 * pointer.
 *
 * <pre>{@code
 * try {
 *     ip.wrap(buffer);
 * } catch (ParameterProblemException e) {
 *     if (e.mayRespond()) {
 *         sendParameterProblem(e.code(), e.pointer());
 *     }
 * }
 * }</pre>
 */
public final class ParameterProblemException extends ParseException {
    private static final long serialVersionUID = 1L;

    /** ICMPv6 parameter problem code 0: an erroneous header field. */
    public static final int ERRONEOUS_HEADER_FIELD = 0;
    /** ICMPv6 parameter problem code 1: an unrecognized next header type. */
    public static final int UNRECOGNIZED_NEXT_HEADER = 1;
    /** ICMPv6 parameter problem code 2: an unrecognized IPv6 option. */
    public static final int UNRECOGNIZED_OPTION = 2;

    private final int code;
    private final int pointer;
    private final boolean mayRespond;

    /**
     * @param kind what went wrong, as for any parse error
     * @param code the ICMP parameter problem code
     * @param pointer offset of the faulty byte from the start of the IP header
     * @param mayRespond whether an ICMP error may be sent back (false, for example, when RFC 8200's
     *     option action forbids it for a multicast destination)
     */
    public ParameterProblemException(ParseErrorKind kind, String layer, String field, int offset, String detail,
            int code, int pointer, boolean mayRespond) {
        super(kind, layer, field, offset, detail);
        this.code = code;
        this.pointer = pointer;
        this.mayRespond = mayRespond;
    }

    /** The ICMP parameter problem code. */
    public int code() {
        return code;
    }

    /** Offset of the faulty byte from the start of the IP header. */
    public int pointer() {
        return pointer;
    }

    /** Whether the receiver may answer with an ICMP parameter problem message. */
    public boolean mayRespond() {
        return mayRespond;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " (parameter problem code " + code + ", pointer " + pointer
                + (mayRespond ? ")" : ", no ICMP answer)");
    }
}
