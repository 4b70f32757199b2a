package io.zerowire.pcap;

/**
 * The bounds a {@link CaptureReader} holds a file to, so that no length read from the file can make
 * it allocate or loop without end: a record or block over a limit is a {@link CaptureFormatException},
 * never an allocation of that size.
 *
 * @param maxPacketLength the largest captured length of one packet; the default, 262144, is
 *     Wireshark's and libpcap's limit for the link types of the Internet
 * @param maxBlockLength the largest pcapng block; the reader's buffer grows to the largest block it
 *     parses (never past this limit, nor past the file's size); the default is 16 MiB
 * @param maxInterfaces the most interface description blocks in one pcapng section (default 65536)
 */
public record CaptureLimits(int maxPacketLength, int maxBlockLength, int maxInterfaces) {
    /** 256 KiB packets, 16 MiB blocks, 65536 interfaces per section. */
    public static final CaptureLimits DEFAULT = new CaptureLimits(262_144, 16 << 20, 65_536);

    /**
     * @throws IllegalArgumentException if a limit is not positive, or the block limit is below the
     *     32 bytes of the smallest packet block
     */
    public CaptureLimits {
        if (maxPacketLength < 1 || maxBlockLength < 32 || maxInterfaces < 1) {
            throw new IllegalArgumentException("invalid limits: packet " + maxPacketLength + ", block "
                    + maxBlockLength + ", interfaces " + maxInterfaces);
        }
        if (maxPacketLength > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("maxPacketLength too large: " + maxPacketLength);
        }
    }

    /** These limits with another packet limit. */
    public CaptureLimits withMaxPacketLength(int length) {
        return new CaptureLimits(length, maxBlockLength, maxInterfaces);
    }

    /** These limits with another block limit. */
    public CaptureLimits withMaxBlockLength(int length) {
        return new CaptureLimits(maxPacketLength, length, maxInterfaces);
    }
}
