export const template=e=>`
<link rel="stylesheet">
<div class="kz" part="container">
  <div class="bar" role="search">
    <label for="kz-q" class="label">${e.label}</label>
    <input id="kz-q" type="search" part="input" role="combobox" aria-autocomplete="list"
           aria-expanded="false" aria-controls="kz-results" autocomplete="off" spellcheck="false"
           enterkeyhint="search">
    <p class="hint">${e.hint}</p>
  </div>
  <div class="controls" hidden>
    <div class="timeline-box"></div>
    <div class="control-row">
      <button type="button" class="filters-toggle" aria-expanded="false" aria-controls="kz-facets"></button>
      <div class="chips"></div>
      <label class="group"><input type="checkbox" class="group-toggle"> ${e.groupByMeeting}</label>
      <label class="sort">${e.sort}
        <select>
          <option value="relevance">${e.relevance}</option>
          <option value="-date">${e.newest}</option>
          <option value="date">${e.oldest}</option>
        </select>
      </label>
    </div>
    <div class="facets" id="kz-facets"></div>
  </div>
  <p class="status" role="status" aria-live="polite"></p>
  <p class="expanded" hidden></p>
  <p class="suggestion" hidden>${e.didYouMean[0]}<button type="button" class="link"></button>${e.didYouMean[1]}</p>
  <ol id="kz-results" class="results" role="listbox" aria-label="${e.results}" aria-busy="false" part="results"></ol>
  <article class="reader" hidden part="reader" aria-labelledby="kz-reader-title">
    <nav class="reader-bar" aria-label="${e.letterNav}">
      <button type="button" class="back">${e.back}</button>
      <span class="match-count" aria-live="polite"></span>
      <button type="button" class="prev" aria-label="${e.previous[0]}">${e.previous[1]}</button>
      <button type="button" class="next" aria-label="${e.next[0]}">${e.next[1]}</button>
    </nav>
    <h2 id="kz-reader-title" tabindex="-1"></h2>
    <p class="meta"></p>
    <div class="same"></div>
    <div class="letter"></div>
    <div class="after"></div>
  </article>
</div>`;
