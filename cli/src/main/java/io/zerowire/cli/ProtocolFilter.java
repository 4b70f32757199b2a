package io.zerowire.cli;

import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Which frames a command shows: those holding any of the chosen layers ({@code -p tcp -p icmp6}), or
 * every frame when none is chosen. Names are the layers' tshark-style labels ({@link Layer#label()}),
 * with a few spellings users type for them ({@code icmp6}, {@code ipv4}, {@code ip6}).
 */
public final class ProtocolFilter {
    private long mask;

    /** Adds {@code layers} to the filter. */
    public ProtocolFilter(List<Layer> layers) {
        for (Layer layer : layers) {
            mask |= 1L << layer.ordinal();
        }
    }

    /** Whether every frame passes: no layer was chosen. */
    public boolean acceptsAll() {
        return mask == 0;
    }

    /** Whether the frame in {@code d} passes. */
    public boolean matches(Dissector d) {
        if (mask == 0) {
            return true;
        }
        for (int i = 0; i < d.layerCount(); i++) {
            if ((mask & 1L << d.layer(i).ordinal()) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The layer a user's name means, or null. */
    public static Layer layer(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "ipv4", "ip4" -> Layer.IPV4;
            case "ip6" -> Layer.IPV6;
            case "icmp6" -> Layer.ICMPV6;
            case "ethernet" -> Layer.ETHERNET;
            case "loopback" -> Layer.LOOPBACK;
            default -> Layer.ofLabel(lower);
        };
    }

    /** Every name {@link #layer} takes, for the help and error messages. */
    public static String names() {
        List<String> names = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            names.add(layer.label());
        }
        return String.join(", ", names) + " (also icmp6, ipv4, ip6)";
    }

    /** picocli's converter for {@code -p}: an unknown name is a usage error that lists the known ones. */
    public static final class Converter implements ITypeConverter<Layer> {
        @Override
        public Layer convert(String value) {
            Layer layer = layer(value);
            if (layer == null) {
                throw new TypeConversionException("unknown protocol '" + value + "'; one of " + names());
            }
            return layer;
        }
    }
}
