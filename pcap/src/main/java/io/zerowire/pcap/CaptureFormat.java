package io.zerowire.pcap;

/** The file formats {@link CaptureReader} reads and the writers write. */
public enum CaptureFormat {
    /** Classic pcap (draft-ietf-opsawg-pcap): one file header, then records. */
    PCAP,
    /** pcapng (draft-ietf-opsawg-pcapng): sections of blocks. */
    PCAPNG
}
