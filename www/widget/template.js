// The widget's shadow DOM as HTML in the widget's language `t`: the search box, the controls,
// the status lines, the result list and the reader, empty. Only strings.js's own text goes in
// here; what comes from an index is set later, as text or as the engine's escaped HTML.

export const template = (t) => `
<link rel="stylesheet">
<div class="kz" part="container">
  <div class="bar" role="search">
    <label for="kz-q" class="label">${t.label}</label>
    <input id="kz-q" type="search" part="input" role="combobox" aria-autocomplete="list"
           aria-expanded="false" aria-controls="kz-results" autocomplete="off" spellcheck="false"
           enterkeyhint="search">
    <p class="hint">${t.hint}</p>
  </div>
  <div class="controls" hidden>
    <div class="timeline-box"></div>
    <div class="control-row">
      <button type="button" class="filters-toggle" aria-expanded="false" aria-controls="kz-facets"></button>
      <div class="chips"></div>
      <label class="group"><input type="checkbox" class="group-toggle"> ${t.groupByMeeting}</label>
      <label class="sort">${t.sort}
        <select>
          <option value="relevance">${t.relevance}</option>
          <option value="-date">${t.newest}</option>
          <option value="date">${t.oldest}</option>
        </select>
      </label>
    </div>
    <div class="facets" id="kz-facets"></div>
  </div>
  <p class="status" role="status" aria-live="polite"></p>
  <p class="expanded" hidden></p>
  <p class="suggestion" hidden>${t.didYouMean[0]}<button type="button" class="link"></button>${t.didYouMean[1]}</p>
  <ol id="kz-results" class="results" role="listbox" aria-label="${t.results}" aria-busy="false" part="results"></ol>
  <article class="reader" hidden part="reader" aria-labelledby="kz-reader-title">
    <nav class="reader-bar" aria-label="${t.letterNav}">
      <button type="button" class="back">${t.back}</button>
      <span class="match-count" aria-live="polite"></span>
      <button type="button" class="prev" aria-label="${t.previous[0]}">${t.previous[1]}</button>
      <button type="button" class="next" aria-label="${t.next[0]}">${t.next[1]}</button>
    </nav>
    <h2 id="kz-reader-title" tabindex="-1"></h2>
    <p class="meta"></p>
    <p class="fields" hidden></p>
    <p class="source" hidden><a target="_blank" rel="noopener"></a></p>
    <div class="same"></div>
    <div class="letter"></div>
    <div class="after"></div>
  </article>
</div>`;
