package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.layout.PcapngOptionBeFormat;
import io.zerowire.pcap.layout.PcapngOptionLeFormat;
import io.zerowire.protocols.icmpv6.ndp.NdpOptionFormat;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.ipv4.Ipv4OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.RoutingHeaders;
import io.zerowire.protocols.tcp.TcpOptionFormat;
import java.util.Arrays;

/**
 * Every options iterator over a region of fuzzed bytes (the input is the region): the generic
 * {@link OptionsIterator} in each format the project declares, with the typed readers of the
 * protocol that uses it, and {@link NdpOptions}. Properties:
 * <ul>
 *   <li>{@code reset} and {@code validate} accept the same regions and count the same options, and
 *       throw nothing but the typed error;
 *   <li>after a successful reset, iterating cannot fail, visits {@code count()} options whose
 *       lengths add up to the list's end, and every typed reader works;
 *   <li>the options written again by {@link OptionsBuilder#addAll} fill a region as long as the
 *       original, iterate to the same kinds and values, and are the same bytes whether the output
 *       array held zeros or a poison pattern before;
 *   <li>validating and iterating allocate nothing beyond the typed error.
 * </ul>
 */
class OptionsFuzzTest {
    private final OptionsIterator options = new OptionsIterator();
    private final OptionsIterator again = new OptionsIterator();
    private final NdpOptions ndp = new NdpOptions();

    @FuzzTest
    void ipv4Options(byte[] region) throws Exception {
        if (check(region, Ipv4OptionFormat.FORMAT)) {
            Touch.ipv4Options(options, new StringBuilder());
        }
    }

    @FuzzTest
    void tcpOptions(byte[] region) throws Exception {
        if (check(region, TcpOptionFormat.FORMAT)) {
            Touch.tcpOptions(options, new StringBuilder());
        }
    }

    @FuzzTest
    void ipv6Options(byte[] region) throws Exception {
        if (check(region, Ipv6OptionFormat.FORMAT)) {
            Touch.ipv6Options(options, new StringBuilder());
        }
    }

    @FuzzTest
    void segmentRoutingTlvs(byte[] region) throws Exception {
        check(region, RoutingHeaders.SRH_TLV_FORMAT);
    }

    @FuzzTest
    void pcapngOptions(byte[] region) throws Exception {
        check(region, PcapngOptionLeFormat.FORMAT);
        check(region, PcapngOptionBeFormat.FORMAT);
    }

    /** The NDP format through the generic iterator and through {@link NdpOptions} with its typed readers. */
    @FuzzTest
    void ndpOptions(byte[] region) throws Exception {
        boolean valid = check(region, NdpOptionFormat.FORMAT);
        boolean ndpValid;
        try {
            ndp.reset(region, 0, region.length);
            ndpValid = true;
        } catch (ParseException e) {
            ndpValid = false;
        }
        if (ndpValid) {
            Touch.ndpOptions(ndp, new StringBuilder());
        }
        FrameProperties.require(!ndpValid || valid, "NdpOptions accepted what the NDP format rejects", region);
    }

    /** Checks the properties for {@code format}; returns whether the region is valid (then {@link #options} is over it). */
    private boolean check(byte[] region, OptionFormat format) throws Exception {
        byte[] copy = region.clone();
        int validated;
        try {
            validated = OptionsIterator.validate(copy, 0, copy.length, format, "fuzz", 0);
        } catch (ParseException e) {
            validated = -1;
        }
        boolean valid;
        try {
            options.reset(copy, 0, copy.length, format, "fuzz", 0);
            valid = true;
        } catch (ParseException e) {
            valid = false;
        }
        FrameProperties.require(valid == (validated >= 0), format.name() + ": reset and validate disagree", region);
        Allocations.bounded(format.name() + " validate and iterate", region.length, () -> {
            try {
                again.reset(copy, 0, copy.length, format, "fuzz", 0);
                while (again.next()) {
                    again.valueLength();
                }
            } catch (ParseException e) {
                // the typed error is what a rejected region costs
            }
        });
        if (!valid) {
            return false;
        }
        FrameProperties.require(options.count() == validated, format.name() + ": counts disagree", region);
        int seen = 0;
        int covered = 0;
        while (options.next()) {
            seen++;
            covered += options.length();
            FrameProperties.require(options.valueOffset() + options.valueLength() <= options.end(),
                    format.name() + ": a value runs past the region", region);
        }
        FrameProperties.require(seen == options.count() && covered == options.listEnd() - options.start(),
                format.name() + ": iteration saw " + seen + " options over " + covered + " bytes", region);
        FrameProperties.require(Arrays.equals(copy, region), format.name() + ": iterating wrote to the region", region);
        writtenAgain(region, format);
        options.rewind();
        return true;
    }

    /** The options through {@link OptionsBuilder#addAll}: same region length, same options, no stale bytes. */
    private void writtenAgain(byte[] region, OptionFormat format) throws ParseException {
        OptionsBuilder builder = new OptionsBuilder(format).addAll(options);
        FrameProperties.require(builder.encodedLength() == region.length,
                format.name() + ": written again in " + builder.encodedLength() + " bytes", region);
        byte[] overZeros = new byte[region.length];
        byte[] overPoison = new byte[region.length];
        Arrays.fill(overPoison, FrameProperties.POISON);
        builder.write(overZeros, 0, region.length);
        builder.write(overPoison, 0, region.length);
        FrameProperties.require(Arrays.equals(overZeros, overPoison), format.name() + ": stale bytes", region);
        again.reset(overZeros, 0, overZeros.length, format, "again", 0);
        options.rewind();
        while (options.next()) {
            FrameProperties.require(again.next() && again.kind() == options.kind()
                    && Arrays.equals(region, options.valueOffset(), options.valueOffset() + options.valueLength(),
                            overZeros, again.valueOffset(), again.valueOffset() + again.valueLength()),
                    format.name() + ": option at " + options.offset() + " written again differently", region);
        }
        FrameProperties.require(!again.next(), format.name() + ": more options written than read", region);
    }
}
