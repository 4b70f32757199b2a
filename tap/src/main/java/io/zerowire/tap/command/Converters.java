package io.zerowire.tap.command;

import io.zerowire.tap.link.InterfaceAddress;
import io.zerowire.tap.device.TapDevice;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of the device, address and duration options: the parser's own message
 * becomes the user's error (exit code 2, a usage error).
 */
public final class Converters {
    private Converters() {}

    /** A TAP device's name, {@code zw0}: checked before any device is opened. */
    public static final class TapName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                TapDevice.checkName(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 10.0.0.2/24}. */
    public static final class Ipv4Interface implements ITypeConverter<InterfaceAddress<Ipv4Address>> {
        @Override
        public InterfaceAddress<Ipv4Address> convert(String value) {
            try {
                return InterfaceAddress.parseIpv4(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code fd00::2/64}. */
    public static final class Ipv6Interface implements ITypeConverter<InterfaceAddress<Ipv6Address>> {
        @Override
        public InterfaceAddress<Ipv6Address> convert(String value) {
            try {
                return InterfaceAddress.parseIpv6(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 02:00:00:00:00:02}. */
    public static final class Mac implements ITypeConverter<MacAddress> {
        @Override
        public MacAddress convert(String value) {
            try {
                MacAddress mac = MacAddress.parse(value);
                if (!mac.isUnicast()) {
                    throw new TypeConversionException(value + " is a multicast MAC address; a port needs a unicast one");
                }
                return mac;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * {@code --duration}: seconds, a finite number of zero or more (0: until interrupted). Negative
     * numbers, {@code NaN} and {@code Infinity} are usage errors, not a way to run forever.
     */
    public static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double seconds;
            try {
                seconds = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (!Double.isFinite(seconds) || seconds < 0) {
                throw new TypeConversionException("'" + value
                        + "' is not a duration: give 0 or more seconds (0, the default, runs until interrupted)");
            }
            return seconds;
        }
    }
}
