package dev.rivalry.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The claim codecs of the four token kinds. */
final class ClaimCodecs {

	static final ClaimCodec<MatchClaims> MATCH = new ClaimCodec<>() {

		@Override
		public String subject(MatchClaims claims) {
			return claims.playerId();
		}

		@Override
		public Map<String, Object> write(MatchClaims claims) {
			Map<String, Object> json = matchScoped(claims.matchId(), claims.config(), claims.participants());
			json.put("profile", claims.profile());
			putGame(json, claims.game());
			if (claims.backfill()) {
				json.put("backfill", true);
			}
			return json;
		}

		@Override
		public MatchClaims read(String subject, String audience, ClaimReader claims) {
			return new MatchClaims(subject, claims.text("match_id"), claims.text("profile"),
					claims.object("config"), claims.participants(), claims.optionalText("game"),
					claims.flag("backfill"));
		}

		@Override
		public List<String> required() {
			return List.of("match_id", "profile", "config", "participants");
		}

	};

	static final ClaimCodec<AllocationClaims> ALLOCATION = new ClaimCodec<>() {

		@Override
		public String subject(AllocationClaims claims) {
			return claims.playerId();
		}

		@Override
		public String audience(AllocationClaims claims) {
			return claims.serverId();
		}

		@Override
		public Map<String, Object> write(AllocationClaims claims) {
			Map<String, Object> json = matchScoped(claims.matchId(), claims.config(), claims.participants());
			json.put("conn", claims.conn());
			putGame(json, claims.game());
			return json;
		}

		@Override
		public AllocationClaims read(String subject, String audience, ClaimReader claims) {
			return new AllocationClaims(subject, audience, claims.text("match_id"), claims.object("config"),
					claims.participants(), claims.text("conn"), claims.optionalText("game"));
		}

		@Override
		public List<String> required() {
			return List.of("match_id", "config", "participants", "conn");
		}

	};

	static final ClaimCodec<ReportClaims> REPORT = new ClaimCodec<>() {

		@Override
		public String subject(ReportClaims claims) {
			return claims.serverId();
		}

		@Override
		public Map<String, Object> write(ReportClaims claims) {
			Map<String, Object> json = matchScoped(claims.matchId(), claims.config(), claims.participants());
			putGame(json, claims.game());
			return json;
		}

		@Override
		public ReportClaims read(String subject, String audience, ClaimReader claims) {
			return new ReportClaims(subject, claims.text("match_id"), claims.object("config"),
					claims.participants(), claims.optionalText("game"));
		}

		@Override
		public List<String> required() {
			return List.of("match_id", "config", "participants");
		}

	};

	static final ClaimCodec<ServerClaims> SERVER = new ClaimCodec<>() {

		@Override
		public String subject(ServerClaims claims) {
			return claims.serverId();
		}

		@Override
		public Map<String, Object> write(ServerClaims claims) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("fleet", claims.fleet());
			return json;
		}

		@Override
		public ServerClaims read(String subject, String audience, ClaimReader claims) {
			return new ServerClaims(subject, claims.text("fleet"));
		}

		@Override
		public List<String> required() {
			return List.of("fleet");
		}

	};

	private ClaimCodecs() {
	}

	private static Map<String, Object> matchScoped(String matchId, Map<String, Object> config,
			List<Participant> participants) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("match_id", matchId);
		json.put("config", config);
		json.put("participants", participants.stream().map(ClaimCodecs::participant).toList());
		return json;
	}

	private static Map<String, Object> participant(Participant participant) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", participant.id());
		json.put("team", participant.team());
		return json;
	}

	private static void putGame(Map<String, Object> json, String game) {
		if (game != null) {
			json.put("game", game);
		}
	}

}
