package io.zerowire.pcap;

import io.zerowire.pcap.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What tshark (wiretap, and its independent "MIME Files Format" file dissector) says about a capture. */
final class TsharkOracle {
    private TsharkOracle() {}

    /** One frame as tshark's wiretap reads it. */
    record Frame(long number, long length, long capturedLength, long epochSecond, int nanos, int interfaceId) {}

    /**
     * A capture as tshark reads it.
     *
     * @param frames every frame wiretap delivered
     * @param error what tshark printed when it stopped on a bad file, or null
     * @param linkTypeFields the raw link-type fields: the pcap header's, or each pcapng IDB's, in file order
     */
    record Capture(List<Frame> frames, String error, List<Long> linkTypeFields) {}

    static final List<String> FRAME_FIELDS = List.of("frame.number", "frame.len", "frame.cap_len", "frame.time_epoch",
            "frame.interface_id");
    static final List<String> FILE_FIELDS = List.of("pcap.header.link_type", "pcapng.interface_description.link_type");

    static Capture read(Path tshark, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", file.toString(), "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String field : FRAME_FIELDS) {
            command.add("-e");
            command.add(field);
        }
        TestEnvironment.Run frames = TestEnvironment.run(command);
        List<Frame> result = new ArrayList<>();
        for (String line : frames.lines()) {
            String[] f = line.split("\t", -1);
            String[] time = f[3].split("\\.", -1);
            String fraction = (time.length > 1 ? time[1] : "") + "000000000";
            int interfaceId = f[4].isEmpty() ? 0 : Integer.parseInt(f[4]);
            result.add(new Frame(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(time[0]), Integer.parseInt(fraction.substring(0, 9)), interfaceId));
        }
        String error = frames.exitCode() != 0 || !frames.errors().isBlank()
                ? "exit " + frames.exitCode() + ": " + frames.errors() : null;

        List<String> fileCommand = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", file.toString(),
                "-X", "read_format:MIME Files Format", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
                "-E", "aggregator=,"));
        for (String field : FILE_FIELDS) {
            fileCommand.add("-e");
            fileCommand.add(field);
        }
        TestEnvironment.Run structure = TestEnvironment.run(fileCommand);
        List<Long> linkTypes = new ArrayList<>();
        for (String line : structure.lines()) {
            for (String column : line.split("\t", -1)) {
                for (String value : column.split(",")) {
                    if (!value.isBlank()) {
                        linkTypes.add(Long.decode(value.trim()));
                    }
                }
            }
        }
        return new Capture(result, error, linkTypes);
    }
}
