package io.zerowire.pcap;

import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.util.Locale;

/**
 * A capture file is truncated, corrupt, or uses something this reader does not support: the one
 * error {@link CaptureReader} raises for the file's contents.
 *
 * <p>It is a {@link ParseException}, so code that handles parse errors of any layer handles this
 * one too: {@link #kind()} is {@code MALFORMED} (a bad or truncated structure, or a length over a
 * limit) or {@code UNSUPPORTED} (a well-formed file in a version or resolution this reader does not
 * read); {@link #layer()} names the structure ({@code "pcap"}, {@code "pcap.record"},
 * {@code "pcapng.block"}, {@code "pcapng.epb"}, ...) and {@link #field()} the field at fault.
 *
 * <p>Offsets are <em>file</em> offsets: {@link #fileOffset()} is exact for files of any size, and
 * {@link #offset()} (an {@code int}, as every {@code ParseException} has) is the same number
 * capped at {@link Integer#MAX_VALUE}. The error is raised only after every good record before the
 * fault was delivered; {@link #recordsDelivered()} says how many that was. Like every parse error it
 * captures no stack trace.
 */
public final class CaptureFormatException extends ParseException {
    private static final long serialVersionUID = 1L;

    private final long fileOffset;
    private final long recordsDelivered;

    /**
     * @param kind what went wrong
     * @param layer the structure at fault, such as {@code "pcap.record"}
     * @param field the field at fault, or {@code ""}
     * @param fileOffset the byte offset in the file (or array) of the fault
     * @param detail a short explanation
     * @param recordsDelivered how many records the reader delivered before the fault
     */
    public CaptureFormatException(ParseErrorKind kind, String layer, String field, long fileOffset, String detail,
            long recordsDelivered) {
        super(kind, layer, field, (int) Math.min(fileOffset, Integer.MAX_VALUE), detail);
        this.fileOffset = fileOffset;
        this.recordsDelivered = recordsDelivered;
    }

    /** The byte offset of the fault in the file, or in the array given to {@link CaptureReader#of(byte[])}. */
    public long fileOffset() {
        return fileOffset;
    }

    /** How many records were delivered before the fault. */
    public long recordsDelivered() {
        return recordsDelivered;
    }

    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder(96)
                .append(kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(' ')
                .append(layer());
        if (!field().isEmpty()) {
            message.append('.').append(field());
        }
        return message.append(" at file offset ").append(fileOffset).append(" (after ").append(recordsDelivered)
                .append(recordsDelivered == 1 ? " record" : " records").append("): ").append(detail()).toString();
    }
}
