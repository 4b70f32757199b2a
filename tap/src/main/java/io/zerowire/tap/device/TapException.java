package io.zerowire.tap.device;

import java.io.IOException;

/**
 * A system call on a TAP device failed: which call, on which device, and the {@code errno} the
 * kernel gave, with a hint for the causes a user can fix.
 */
public final class TapException extends IOException {
    private static final long serialVersionUID = 1L;

    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EBUSY = 16;
    private static final int EINVAL = 22;
    private static final int EBADFD = 77;

    private final String device;
    private final String call;
    private final int errno;

    TapException(String device, String call, int errno, String detail) {
        super(device + ": " + call + " failed: " + detail + hint(errno));
        this.device = device;
        this.call = call;
        this.errno = errno;
    }

    /** The device's name. */
    public String device() {
        return device;
    }

    /** The call that failed: {@code open}, {@code ioctl(TUNSETIFF)}, {@code poll}, {@code read}, {@code write}. */
    public String call() {
        return call;
    }

    /** The kernel's error number, or 0 when the failure was not a system error (a short write). */
    public int errno() {
        return errno;
    }

    private static String hint(int errno) {
        return switch (errno) {
            case EPERM -> " (creating or attaching a TAP device needs CAP_NET_ADMIN: run as root)";
            case ENOENT -> " (no /dev/net/tun: load the tun module, or run where it exists)";
            case EBUSY -> " (the device is attached to another process, or is not a TAP device)";
            case EINVAL -> " (the name is taken by a device that is not a TAP device, or the name is invalid)";
            case EBADFD -> " (the device is not up)";
            default -> "";
        };
    }
}
