// Takes the readings, as PayWitness's worker does (it answers, so the page's message is delivered whole).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  reply({ ok: true });
});
