// Follows GET /v1/dashboard/events and renders each "snapshot" event (docs/dashboard.md).
// No framework, no build: text goes in with textContent only, never as HTML.
(function () {
  'use strict';

  var STATES = ['READY', 'ALLOCATED', 'PLAYING', 'UNHEALTHY'];
  // ?snapshots=N: render N snapshots, then stop following, so that a headless browser
  // (scripts/check-dashboard.sh) sees the network go quiet and can dump the page.
  var limit = parseInt(new URLSearchParams(location.search).get('snapshots') || '0', 10);
  var received = 0;
  var source = new EventSource('/v1/dashboard/events');

  source.addEventListener('snapshot', function (event) {
    received++;
    render(JSON.parse(event.data));
    document.body.setAttribute('data-snapshots', String(received));
    status('live', 'live');
    if (limit > 0 && received >= limit) {
      source.close();
      status('stopped after ' + received + ' snapshots', '');
    }
  });
  source.onerror = function () { status('reconnecting…', 'down'); };

  function status(text, kind) {
    var el = byId('status');
    el.textContent = text;
    el.className = 'status ' + kind;
  }

  function render(snapshot) {
    byId('updated').textContent = new Date(snapshot.at).toLocaleTimeString();
    renderMatches(snapshot.matches);
    renderFills(snapshot.fills, snapshot.pools);
    renderAcceptance(snapshot.acceptance);
    renderPools(snapshot.pools);
    renderServers(snapshot.servers);
    renderRecent(snapshot.recent || []);
  }

  function renderMatches(matches) {
    text('matches-per-second', matches.perSecond.toFixed(2));
    text('matches-total', matches.total);
    var ttm = matches.timeToMatch;
    text('ttm-p50', duration(ttm.p50, ttm.count));
    text('ttm-p90', duration(ttm.p90, ttm.count));
    text('ttm-p99', duration(ttm.p99, ttm.count));
    text('ttm-max', duration(ttm.max, ttm.count));
    text('ttm-count', ttm.count);
  }

  function renderAcceptance(acceptance) {
    if (!acceptance) return;
    var accepted = acceptance.accepted.timeToMatch;
    var ended = acceptance.acceptedTickets + acceptance.declinedTickets + acceptance.timedOutTickets + acceptance.returnedTickets;
    text('proposed-total', acceptance.proposedTickets);
    text('acceptance-rate', ended > 0 ? Math.round(100 * acceptance.acceptedTickets / ended) + ' %' : '–');
    text('declined-total', acceptance.declinedTickets);
    text('timedout-total', acceptance.timedOutTickets);
    text('tta-p50', duration(accepted.p50, accepted.count));
    text('tta-p99', duration(accepted.p99, accepted.count));
    text('tta-count', accepted.count);
  }

  function renderFills(fills, pools) {
    var open = (pools && pools.data) ? pools.data.reduce(function (sum, p) { return sum + (p.backfills || 0); }, 0) : null;
    text('backfills-open', open == null ? '–' : open);
    if (!fills) return;
    text('fills-per-second', fills.perSecond.toFixed(2));
    text('fills-total', fills.total);
    text('ttf-p50', duration(fills.timeToMatch.p50, fills.timeToMatch.count));
    text('ttf-p99', duration(fills.timeToMatch.p99, fills.timeToMatch.count));
    text('ttf-count', fills.timeToMatch.count);
  }

  function renderPools(section) {
    if (!show('pools-section', section)) return;
    note('pools-note', section);
    var pools = section.data || [];
    var names = unique(pools.map(function (p) { return p.pool; })).sort();
    var profiles = unique(pools.map(function (p) { return p.profile; })).sort();
    var head = row('th', ['profile'].concat(names, ['oldest wait']));
    var rows = profiles.map(function (profile) {
      var mine = pools.filter(function (p) { return p.profile === profile; });
      var cells = names.map(function (name) {
        var pool = mine.find(function (p) { return p.pool === name; });
        return pool ? String(pool.waiting) : '–';
      });
      var oldest = Math.max.apply(null, mine.map(function (p) { return p.oldestWaitMillis; }).concat([0]));
      return row('td', [profile].concat(cells, [duration(oldest, 1)]));
    });
    fill('pools', head, rows);
    text('waiting-total', pools.reduce(function (sum, p) { return sum + p.waiting; }, 0));
  }

  function renderServers(section) {
    if (!show('servers-section', section)) return;
    note('servers-note', section);
    var figures = section.data;
    if (!figures) {
      STATES.forEach(function (state) { text('servers-' + state, '–'); });
      text('servers-total', '–');
      fill('regions', row('th', ['region']), []);
      return;
    }
    STATES.forEach(function (state) { text('servers-' + state, figures.byState[state] || 0); });
    text('servers-total', figures.total);
    var regions = Object.keys(figures.byRegion).sort();
    var rows = regions.map(function (region) {
      var counts = figures.byRegion[region];
      return row('td', [region].concat(STATES.map(function (s) { return String(counts[s] || 0); })));
    });
    fill('regions', row('th', ['region'].concat(STATES.map(function (s) { return s.toLowerCase(); }))), rows);
  }

  function renderRecent(matches) {
    var list = byId('recent');
    list.replaceChildren.apply(list, matches.map(function (match) {
      var item = el('li');
      item.setAttribute('data-match', match.id);
      var head = el('div', 'head');
      head.textContent = match.profile + ' · ' + match.pool + ' · ' + new Date(match.formedAt).toLocaleTimeString()
        + ' · ' + match.id.slice(-8);
      var teams = el('div', 'teams');
      match.teams.forEach(function (team, index) {
        if (index > 0) { var vs = el('span', 'vs'); vs.textContent = 'vs'; teams.appendChild(vs); }
        var box = el('div', 'team');
        team.players.forEach(function (player) { box.appendChild(playerLine(player)); });
        teams.appendChild(box);
      });
      item.appendChild(head);
      item.appendChild(teams);
      return item;
    }));
  }

  function playerLine(player) {
    var line = el('span', 'player');
    line.appendChild(document.createTextNode(player.id));
    if (player.before != null) {
      line.appendChild(document.createTextNode(' ' + Math.round(player.before)));
    }
    if (player.before != null && player.after != null) {
      var change = player.after - player.before;
      var delta = el('span', 'delta ' + (change >= 0 ? 'up' : 'down'));
      delta.textContent = ' → ' + Math.round(player.after) + ' (' + (change >= 0 ? '+' : '') + change.toFixed(1) + ')';
      line.appendChild(delta);
    }
    return line;
  }

  // A section is hidden when its source is not configured (status OFF).
  function show(id, section) {
    var visible = section && section.status !== 'OFF';
    byId(id).hidden = !visible;
    return visible;
  }

  function note(id, section) {
    var missing = section.unavailable || [];
    text(id, section.status === 'OK' ? '' : section.status.toLowerCase() + (missing.length ? ': ' + missing.join(', ') : ''));
  }

  function duration(millis, count) {
    if (!count) return '–';
    return millis < 1000 ? millis + ' ms' : (millis / 1000).toFixed(1) + ' s';
  }

  function row(cell, values) {
    var tr = el('tr');
    values.forEach(function (value) { var c = el(cell); c.textContent = value; tr.appendChild(c); });
    return tr;
  }

  function fill(id, head, rows) {
    var table = byId(id);
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows);
  }

  function unique(values) { return values.filter(function (v, i) { return values.indexOf(v) === i; }); }
  function text(id, value) { byId(id).textContent = String(value); }
  function byId(id) { return document.getElementById(id); }
  function el(tag, className) { var e = document.createElement(tag); if (className) e.className = className; return e; }
})();
