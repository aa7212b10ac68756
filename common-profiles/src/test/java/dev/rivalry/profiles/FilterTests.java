package dev.rivalry.profiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.rivalry.profiles.FilterCases.FilterCase;
import dev.rivalry.profiles.filter.Bool;
import dev.rivalry.profiles.filter.FieldPath;
import dev.rivalry.profiles.filter.Filter;
import dev.rivalry.profiles.filter.Term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Runs the shared {@link FilterCases} table, directly and through a profile file.
 */
class FilterTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.rivalry.profiles.FilterCases#arguments")
	void filterMatchesAsTheTableSays(FilterCase filterCase) {
		assertThat(filterCase.filter().matches(filterCase.attributes())).isEqualTo(filterCase.expected());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.rivalry.profiles.FilterCases#arguments")
	void profileWithTheFilterOwnsTheTicketExactlyWhenItMatches(FilterCase filterCase) {
		MatchProfiles profiles = ProfilesLoader.parse("case.yml", filterCase.profilesYaml("case"));
		assertThat(profiles.firstMatching(filterCase.attributes()).isPresent()).isEqualTo(filterCase.expected());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.rivalry.profiles.FilterCases#arguments")
	void filterWrittenBackAsAMapReadsAsTheSameFilter(FilterCase filterCase) {
		Filter filter = filterCase.filter();
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
		String dumped = new Yaml(options).dump(filter.toMap());
		assertThat(ProfilesLoader.parseFilter("dumped", dumped)).isEqualTo(filter);
	}

	@Test
	void tableCoversEveryKindOfClause() {
		String all = FilterCases.all().stream().map(FilterCase::filterYaml).reduce("", String::concat);
		assertThat(all).contains("term:", "terms:", "range:", "exists:", "bool:", "must:", "filter:", "should:",
				"must_not:", "minimum_should_match:", "gt:", "gte:", "lt:", "lte:");
		assertThat(FilterCases.all()).extracting(FilterCase::expected).contains(true, false);
		assertThat(FilterCases.all()).extracting(FilterCase::name).doesNotHaveDuplicates();
	}

	@Test
	void matchAllIsAnEmptyBool() {
		assertThat(Filter.matchAll()).isEqualTo(Bool.of(List.of(), List.of(), List.of(), List.of(), null));
		assertThat(Filter.matchAll().toMap()).isEqualTo(Map.of("bool", Map.of()));
	}

	@Test
	void minimumShouldMatchDefaultsLikeElasticsearch() {
		Filter clause = new Term(FieldPath.of("mode"), "duel");
		assertThat(Bool.of(List.of(), List.of(), List.of(clause), List.of(), null).minimumShouldMatch()).isOne();
		assertThat(Bool.of(List.of(clause), List.of(), List.of(clause), List.of(), null).minimumShouldMatch()).isZero();
		assertThat(Bool.of(List.of(), List.of(clause), List.of(clause), List.of(), null).minimumShouldMatch()).isZero();
		assertThat(Bool.of(List.of(), List.of(), List.of(clause, clause), List.of(), 7).minimumShouldMatch()).isEqualTo(2);
		assertThat(Bool.of(List.of(), List.of(), List.of(clause, clause), List.of(), -1).minimumShouldMatch()).isOne();
		assertThat(Bool.of(List.of(), List.of(), List.of(), List.of(), 1).minimumShouldMatch()).isZero();
	}

	@Test
	void attributeValuesOfUnexpectedTypesNeverThrow() {
		Map<String, Object> odd = new LinkedHashMap<>();
		odd.put("mode", new Object());
		odd.put("skill", 'x');
		odd.put("tags", Map.of("nested", List.of(List.of(1))));
		for (FilterCase filterCase : FilterCases.all()) {
			assertThatCode(() -> filterCase.filter().matches(odd)).as(filterCase.toString()).doesNotThrowAnyException();
		}
	}

}
