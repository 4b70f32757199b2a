package io.zerowire.tap.kernel;

import io.zerowire.tap.capture.FrameRecorder;
import io.zerowire.tap.link.EthernetPort;
import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.respond.Responder;
import io.zerowire.link.MacAddress;

/**
 * A {@link Responder} (10.0.0.2/24, fd00::2/64, MTU 1500, echo on port 7) on a TAP device whose other
 * end is in a namespace of its own (10.0.0.1/24, fd00::1/64), for the kernel tests that need a fresh
 * one; closing it stops the responder and deletes the namespace.
 */
final class ResponderLab implements AutoCloseable {
    static final MacAddress MAC = MacAddress.parse("02:00:5e:10:00:02");

    final String tap;
    final EthernetPort port;
    final Responder responder;
    final Netns ns;

    /** The kernel's end of the link has MTU {@code kernelMtu}. */
    ResponderLab(String tag, int kernelMtu) throws Exception {
        tap = Netns.uniqueName(tag);
        port = EthernetPort.open(tap, MAC, FrameRecorder.none());
        Netns created = null;
        try {
            responder = new Responder(new Responder.Config(MAC, InterfaceAddress.parseIpv4("10.0.0.2/24"),
                    InterfaceAddress.parseIpv6("fd00::2/64"), 1500, 7, 7), port);
            port.start(responder);
            created = Netns.create(tag.toUpperCase(java.util.Locale.ROOT));
            created.adopt(tap);
            created.ip("link", "set", tap, "mtu", String.valueOf(kernelMtu));
            created.ip("addr", "add", "10.0.0.1/24", "dev", tap);
            created.ip("addr", "add", "fd00::1/64", "dev", tap, "nodad");
            created.ip("link", "set", tap, "up");
        } catch (Exception | AssertionError e) {
            port.close();
            if (created != null) {
                created.close();
            }
            throw e;
        }
        ns = created;
    }

    @Override
    public void close() {
        try {
            port.close();
        } finally {
            ns.close();
        }
    }
}
