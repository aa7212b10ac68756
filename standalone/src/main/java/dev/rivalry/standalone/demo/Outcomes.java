package dev.rivalry.standalone.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.rivalry.tokens.Participant;

/**
 * Who wins a simulated match: each team performs at its players' mean hidden skill plus
 * noise, and ranks by performance. Stronger teams win more often, not always, so the
 * matchmaker's ratings drift towards the hidden skills over many matches.
 * Not thread safe unless its {@link Random} is.
 */
final class Outcomes {

	/** Spread of one team's performance around its skill, on the rating scale (mu 1500). */
	private static final double NOISE = 250;

	private final Map<String, Double> skills;

	private final Random random;

	Outcomes(Map<String, Double> skills, Random random) {
		this.skills = Map.copyOf(skills);
		this.random = random;
	}

	/**
	 * @param participants the match's players with their teams
	 * @return one rank per team in team order, 1 the best, no ties
	 */
	List<Integer> ranks(List<Participant> participants) {
		int teams = participants.stream().mapToInt(Participant::team).max().orElse(-1) + 1;
		double[] performance = new double[teams];
		for (int team = 0; team < teams; team++) {
			int index = team;
			double skill = participants.stream()
				.filter((participant) -> participant.team() == index)
				.mapToDouble((participant) -> this.skills.getOrDefault(participant.id(), 1500.0))
				.average()
				.orElse(1500);
			performance[team] = skill + this.random.nextGaussian() * NOISE;
		}
		List<Integer> order = new ArrayList<>();
		for (int team = 0; team < teams; team++) {
			order.add(team);
		}
		order.sort(Comparator.comparingDouble((Integer team) -> performance[team]).reversed());
		Integer[] ranks = new Integer[teams];
		for (int place = 0; place < teams; place++) {
			ranks[order.get(place)] = place + 1;
		}
		return List.of(ranks);
	}

}
