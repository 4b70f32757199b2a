package io.zerowire.pcap;

import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.util.Locale;
import java.util.Objects;

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
 *
 * <p>{@link #reason()} tells the errors apart that are not about the bytes read: a file that
 * {@linkplain Reason#FILE_SHRANK shrank while it was read} (rotated or truncated by another process;
 * everything delivered before was read from the file as it was), and a file
 * {@linkplain Reason#COMPRESSED compressed} with gzip, zstd, xz, bzip2 or lz4 ({@link #compression()}
 * names which), which this reader does not decompress.
 */
public final class CaptureFormatException extends ParseException {
    private static final long serialVersionUID = 1L;

    /** What kind of trouble the error reports, beyond {@link #kind()}. */
    public enum Reason {
        /** The file's contents: a structure truncated, corrupt, over a limit, or unsupported ({@link #kind()} says which). */
        CONTENTS,
        /**
         * The file became shorter while it was read (log rotation, {@code tcpdump -C/-W} ring files, a
         * {@code truncate}): the bytes at {@link #fileOffset()} are gone. Kind {@code MALFORMED}, layer
         * {@code capture}; the records delivered before were read whole.
         */
        FILE_SHRANK,
        /**
         * The file starts with the magic number of a compression format ({@link #compression()}), not a
         * capture's. Kind {@code UNSUPPORTED}, layer {@code capture}, field {@code magic}.
         */
        COMPRESSED
    }

    private final long fileOffset;
    private final long recordsDelivered;
    private final Reason reason;
    private final String compression;

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
        this(kind, layer, field, fileOffset, detail, recordsDelivered, Reason.CONTENTS, "");
    }

    /**
     * @param reason what kind of trouble, beyond {@code kind}
     * @param compression the compression format's name for {@link Reason#COMPRESSED}, otherwise {@code ""}
     * @see #CaptureFormatException(ParseErrorKind, String, String, long, String, long)
     */
    public CaptureFormatException(ParseErrorKind kind, String layer, String field, long fileOffset, String detail,
            long recordsDelivered, Reason reason, String compression) {
        super(kind, layer, field, (int) Math.min(fileOffset, Integer.MAX_VALUE), detail);
        this.fileOffset = fileOffset;
        this.recordsDelivered = recordsDelivered;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.compression = Objects.requireNonNull(compression, "compression");
    }

    /** What kind of trouble this is: the file's contents (almost always), a file that shrank, a compressed file. */
    public Reason reason() {
        return reason;
    }

    /**
     * For {@link Reason#COMPRESSED}: the compression format, {@code "gzip"}, {@code "zstd"},
     * {@code "xz"}, {@code "bzip2"} or {@code "lz4"}; otherwise {@code ""}.
     */
    public String compression() {
        return compression;
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
