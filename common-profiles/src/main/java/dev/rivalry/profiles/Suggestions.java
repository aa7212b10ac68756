package dev.rivalry.profiles;

import java.util.Collection;

/** "Did you mean" for misspelt keys: the closest known key within two edits. */
final class Suggestions {

	private static final int MAX_DISTANCE = 2;

	private Suggestions() {
	}

	static String closest(String word, Collection<String> candidates) {
		String best = null;
		int bestDistance = MAX_DISTANCE + 1;
		for (String candidate : candidates) {
			int distance = distance(word.toLowerCase(java.util.Locale.ROOT), candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** Levenshtein distance, with '_' and '-' counted as equal: must_not vs must-not. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = same(a.charAt(i - 1), b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static boolean same(char a, char b) {
		return a == b || ((a == '_' || a == '-') && (b == '_' || b == '-'));
	}

}
