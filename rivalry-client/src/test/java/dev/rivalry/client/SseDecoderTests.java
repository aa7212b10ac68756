package dev.rivalry.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SseDecoderTests {

	/** Everything the decoder handles in one stream: the reference for the split tests. */
	private static final String STREAM = ":connected\n\n"
			+ "event: ticket\nid: 41\ndata: {\"state\":\"SEARCHING\"}\n\n"
			+ ":heartbeat\r\n\r\n"
			+ "retry: 3000\r\nevent:ticket\r\nid:42\r\ndata: {\"name\":\"Zoë\",\r\ndata: \"tag\":\"€ 🎮\"}\r\n\r\n"
			+ "data: tail without its blank line\n";

	private static final List<ServerEvent> STREAM_EVENTS = List.of(new ServerEvent(null, null, null, "connected"),
			new ServerEvent("ticket", "{\"state\":\"SEARCHING\"}", "41", null), new ServerEvent(null, null, null, "heartbeat"),
			new ServerEvent("ticket", "{\"name\":\"Zoë\",\n\"tag\":\"€ 🎮\"}", "42", null));

	@Test
	void decodesTheTypeTheIdAndTheData() {
		assertThat(decode("event: ticket\nid: 7\ndata: {\"state\":\"MATCHED\"}\n\n"))
			.containsExactly(new ServerEvent("ticket", "{\"state\":\"MATCHED\"}", "7", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("multiLineData")
	void joinsDataLinesWithNewlines(String stream, String data) {
		assertThat(decode(stream)).containsExactly(new ServerEvent(null, data, null, null));
	}

	static Stream<Arguments> multiLineData() {
		return Stream.of(arguments("data: first\ndata: second\n\n", "first\nsecond"),
				// An empty data line still adds a line: the payload keeps its blank lines.
				arguments("data: a\ndata:\ndata: c\n\n", "a\n\nc"),
				// A bare field name is the field with an empty value.
				arguments("data\ndata: b\n\n", "\nb"),
				arguments("data: no trailing newline is added\n\n", "no trailing newline is added"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			:heartbeat   | heartbeat
			:connected   | connected
			: spaced     | spaced
			:            | ''
			""")
	void commentsAreEventsOfTheirOwn(String line, String comment) {
		// The server's heartbeats and its "connected" greeting arrive as comment-only blocks.
		assertThat(decode(line + "\n\n")).containsExactly(new ServerEvent(null, null, null, comment));
	}

	@Test
	void aFieldWithoutASpaceAfterTheColonIsReadTheSame() {
		assertThat(decode("event:ticket\nid:9\ndata:{}\n\n")).containsExactly(new ServerEvent("ticket", "{}", "9", null));
	}

	@Test
	void onlyOneSpaceAfterTheColonIsDropped() {
		assertThat(decode("data:  indented\n\n")).containsExactly(new ServerEvent(null, " indented", null, null));
	}

	@Test
	void crlfLineEndingsReadLikeLf() {
		assertThat(decode("event: ticket\r\nid: 3\r\ndata: a\r\ndata: b\r\n\r\n"))
			.isEqualTo(decode("event: ticket\nid: 3\ndata: a\ndata: b\n\n"))
			.containsExactly(new ServerEvent("ticket", "a\nb", "3", null));
	}

	@Test
	void unknownFieldsAndRetryAreIgnored() {
		assertThat(decode("retry: 1000\nfoo: bar\nunknown\nEvent: capitalised is another field\ndata: x\n\n"))
			.containsExactly(new ServerEvent(null, "x", null, null));
	}

	@Test
	void fieldsDoNotLeakIntoTheNextEvent() {
		assertThat(decode("event: ticket\nid: 1\ndata: a\n\ndata: b\n\n")).containsExactly(
				new ServerEvent("ticket", "a", "1", null), new ServerEvent(null, "b", null, null));
	}

	@Test
	void blankLinesWithoutFieldsDispatchNothing() {
		assertThat(decode("\n\n\r\n\ndata: a\n\n\n\n")).containsExactly(new ServerEvent(null, "a", null, null));
	}

	@Test
	void anEventUnfinishedWhenTheStreamEndsIsDropped() {
		// As the spec says: without its blank line the event is incomplete.
		assertThat(decode("data: a\n\ndata: b\n")).containsExactly(new ServerEvent(null, "a", null, null));
	}

	@Test
	void anEventIsDispatchedOnItsBlankLineNotBefore() {
		Sinks.Many<byte[]> chunks = Sinks.many().unicast().onBackpressureBuffer();
		List<ServerEvent> events = new ArrayList<>();
		SseDecoder.decode(chunks.asFlux()).subscribe(events::add);

		chunks.tryEmitNext(bytes("event: ticket\ndata: {}\n"));
		assertThat(events).isEmpty();
		chunks.tryEmitNext(bytes("\r"));
		assertThat(events).isEmpty();
		// Dispatched as soon as the line ends: the player must not wait for the stream's end.
		chunks.tryEmitNext(bytes("\n"));
		assertThat(events).containsExactly(new ServerEvent("ticket", "{}", null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("awkwardSplits")
	void eventsSplitAcrossChunksAreWhole(String where, String stream, int[] splitAt, ServerEvent expected) {
		assertThat(decode(split(bytes(stream), splitAt))).containsExactly(expected);
	}

	static Stream<Arguments> awkwardSplits() {
		String twoBytes = "data: Zoë\n\n";
		String threeBytes = "data: €5\n\n";
		String fourBytes = "data: 🎮\n\n";
		String crlf = "data: x\r\n\r\n";
		return Stream.of(
				arguments("inside a two-byte character", twoBytes, new int[] { byteIndex(twoBytes, "ë") + 1 },
						new ServerEvent(null, "Zoë", null, null)),
				arguments("inside a three-byte character, twice", threeBytes,
						new int[] { byteIndex(threeBytes, "€") + 1, byteIndex(threeBytes, "€") + 2 },
						new ServerEvent(null, "€5", null, null)),
				arguments("inside a four-byte character", fourBytes, new int[] { byteIndex(fourBytes, "🎮") + 2 },
						new ServerEvent(null, "🎮", null, null)),
				arguments("between \\r and \\n", crlf, new int[] { byteIndex(crlf, "\n") },
						new ServerEvent(null, "x", null, null)),
				arguments("between both line ends of the blank line", crlf,
						new int[] { byteIndex(crlf, "\r\n") + 2, byteIndex(crlf, "\r\n") + 3 },
						new ServerEvent(null, "x", null, null)),
				arguments("inside the field name and after the colon", "event: ticket\ndata: y\n\n", new int[] { 2, 6 },
						new ServerEvent("ticket", "y", null, null)));
	}

	@Test
	void everySingleSplitPointGivesTheSameEvents() {
		byte[] stream = bytes(STREAM);
		assertThat(decode(stream)).isEqualTo(STREAM_EVENTS);
		for (int at = 0; at <= stream.length; at++) {
			assertThat(decode(split(stream, at))).as("split at byte %d", at).isEqualTo(STREAM_EVENTS);
		}
	}

	@Test
	void oneByteChunksGiveTheSameEvents() {
		byte[] stream = bytes(STREAM);
		int[] everyByte = IntStream.range(1, stream.length).toArray();
		assertThat(decode(split(stream, everyByte))).isEqualTo(STREAM_EVENTS);
	}

	@Test
	void everySubscriptionDecodesWithAFreshDecoder() {
		// The unfinished tail of the first subscription must not become the start of the second's first line.
		Flux<ServerEvent> events = SseDecoder.decode(Flux.just(bytes("data: a\n\ndata: unfinished")));
		assertThat(events.collectList().block()).containsExactly(new ServerEvent(null, "a", null, null));
		assertThat(events.collectList().block()).containsExactly(new ServerEvent(null, "a", null, null));
	}

	private static List<ServerEvent> decode(String stream) {
		return decode(bytes(stream));
	}

	private static List<ServerEvent> decode(byte[]... chunks) {
		return SseDecoder.decode(Flux.just(chunks)).collectList().block();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** @return the UTF-8 offset of the first occurrence of {@code part} in {@code text} */
	private static int byteIndex(String text, String part) {
		return bytes(text.substring(0, text.indexOf(part))).length;
	}

	/** @return the bytes cut at each (ascending) offset; cuts at either end give empty chunks */
	private static byte[][] split(byte[] stream, int... offsets) {
		byte[][] chunks = new byte[offsets.length + 1][];
		int from = 0;
		for (int i = 0; i < offsets.length; i++) {
			chunks[i] = Arrays.copyOfRange(stream, from, offsets[i]);
			from = offsets[i];
		}
		chunks[offsets.length] = Arrays.copyOfRange(stream, from, stream.length);
		return chunks;
	}

}
