package io.zerowire.tap.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.pcap.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TapDeviceTest {
    @Test
    void aNameTheKernelWouldRefuseIsRefusedFirst() {
        for (String name : new String[] {"", "sixteen-chars-xx", "a/b", "a:b", "a b", ".", ".."}) {
            assertThatThrownBy(() -> TapDevice.open(name)).as("\"%s\"", name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid interface name");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aDeviceIsCreatedWaitsWithATimeoutAndDisappearsWhenClosed() throws Exception {
        TestEnvironment.require(Files.isReadable(Path.of("/dev/net/tun")), "no /dev/net/tun");
        TestEnvironment.require("root".equals(System.getProperty("user.name")), "creating a TAP device needs root");
        String name = "zwt" + ProcessHandle.current().pid() % 100_000;
        Path sysfs = Path.of("/sys/class/net", name);
        byte[] buffer = new byte[TapDevice.MAX_FRAME_LENGTH];
        TapDevice tap = TapDevice.open(name);
        try {
            assertThat(tap.name()).isEqualTo(name);
            assertThat(sysfs).exists();
            // The device is down: nothing arrives, and the wait ends on time.
            long start = System.nanoTime();
            assertThat(tap.receive(buffer, 100)).isZero();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
        } finally {
            tap.close();
        }
        assertThatThrownBy(() -> tap.receive(buffer, 1)).isInstanceOf(TapException.class)
                .hasMessageContaining("closed");
        assertThat(sysfs).as("a device that is not persistent goes with its descriptor").doesNotExist();
    }
}
