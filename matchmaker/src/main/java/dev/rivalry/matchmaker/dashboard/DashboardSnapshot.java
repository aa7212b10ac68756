package dev.rivalry.matchmaker.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows at one moment: the data of each {@code snapshot} event of
 * {@code GET /v1/dashboard/events}.
 *
 * @param at when it was assembled
 * @param matches matches per second, total and time to match, from this instance's view of
 * every ticket change
 * @param fills tickets that joined running matches through backfills: per second, total,
 * time from creation to joining
 * @param acceptance proposed matches (profiles with acceptance): accepted per second and
 * total, time from proposal to the last acceptance, declines and timeouts
 * @param pools tickets waiting per profile and pool, from the engines
 * @param servers game servers by state, from the serverlist
 * @param recent the latest matches, newest first, with rating changes once known
 */
record DashboardSnapshot(Instant at, MatchFigures matches, MatchFigures fills,
		AcceptanceStatistics.AcceptanceFigures acceptance, Section<List<PoolFigures>> pools,
		Section<ServerFigures> servers, List<RecentMatch> recent) {
}
