/**
 * Melek.ScamSpotter 1.0: an H5P content type of Melek's own.
 *
 * A chat full of WhatsApp-style messages; the learner taps the ones they think are scams, presses
 * "Periksa", and sees per message whether they were right and why. The score (one point per
 * message judged right) goes out through xAPI: `answered` and `completed` with result.score.raw/max,
 * like any H5P question. All text comes from content.json; nothing is inserted as HTML.
 *
 * Plain ES5 (H5P loads it as is, in the player's sandboxed frame), no dependencies but H5P core.
 */
var H5P = window.H5P = window.H5P || {};
var Melek = window.Melek = window.Melek || {};

Melek.ScamSpotter = (function () {
  'use strict';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fill(template, values) {
    return String(template || '').replace(/:(\w+)/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  /**
   * @param {object} params content.json
   * @param {string|number} contentId
   * @param {object} [extras]
   */
  function ScamSpotter(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.extras = extras || {};
    this.l10n = this.params.l10n || {};
    this.messages = Array.isArray(this.params.messages) ? this.params.messages.filter(function (m) {
      return m && typeof m.text === 'string';
    }) : [];
    this.marked = {};
    this.checked = false;
    this.nodes = [];
  }

  ScamSpotter.prototype = Object.create(H5P.EventDispatcher.prototype);
  ScamSpotter.prototype.constructor = ScamSpotter;

  ScamSpotter.prototype.getMaxScore = function () {
    return this.messages.length;
  };

  ScamSpotter.prototype.getScore = function () {
    var self = this;
    return this.messages.reduce(function (n, m) {
      return n + (Boolean(self.marked[m.id]) === Boolean(m.scam) ? 1 : 0);
    }, 0);
  };

  ScamSpotter.prototype.getAnswerGiven = function () {
    return this.checked;
  };

  ScamSpotter.prototype.attach = function ($container) {
    var self = this;
    var container = $container && $container.get ? $container.get(0) : $container;
    container.classList.add('melek-scam-spotter');
    container.textContent = '';
    this.container = container;

    var head = el('div', 'ss-head');
    head.appendChild(el('h2', 'ss-title', this.params.title || ''));
    if (this.params.intro) head.appendChild(el('p', 'ss-intro', this.params.intro));
    container.appendChild(head);

    var phone = el('div', 'ss-phone');
    var bar = el('div', 'ss-bar');
    bar.appendChild(el('span', 'ss-avatar', '🏪'));
    bar.appendChild(el('span', 'ss-bar-title', this.params.chatTitle || this.l10n.messages || ''));
    phone.appendChild(bar);

    var list = el('ol', 'ss-list');
    list.setAttribute('aria-label', this.l10n.messages || '');
    this.nodes = this.messages.map(function (message) {
      var item = el('li', 'ss-item ss-' + (message.kind === 'notification' ? 'notification' : 'chat'));
      var button = el('button', 'ss-msg');
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      button.setAttribute('data-id', message.id);

      if (message.kind === 'notification') {
        var appRow = el('span', 'ss-app');
        appRow.appendChild(el('span', 'ss-app-icon', 'QR'));
        appRow.appendChild(el('span', 'ss-app-name', (self.l10n.notification ? self.l10n.notification + ' · ' : '') + (message.from || '')));
        if (message.time) appRow.appendChild(el('span', 'ss-time', message.time));
        button.appendChild(appRow);
        button.appendChild(el('span', 'ss-text', message.text));
      } else {
        var who = el('span', 'ss-from');
        who.appendChild(el('span', 'ss-name', message.from || ''));
        if (message.number) who.appendChild(el('span', 'ss-number', message.number + (self.l10n.unknownNumber ? ' · ' + self.l10n.unknownNumber : '')));
        button.appendChild(who);
        if (message.image) {
          var image = el('span', 'ss-image');
          image.setAttribute('role', 'img');
          var lines = Array.isArray(message.image.lines) ? message.image.lines : [];
          image.setAttribute('aria-label', (self.l10n.photo || '') + ': ' + [message.image.title].concat(lines).join(', '));
          image.appendChild(el('span', 'ss-image-check', '✔'));
          image.appendChild(el('span', 'ss-image-title', message.image.title || ''));
          lines.forEach(function (line, i) {
            image.appendChild(el('span', i === 0 ? 'ss-image-amount' : 'ss-image-line', line));
          });
          button.appendChild(image);
        }
        if (message.attachment) {
          var file = el('span', 'ss-file');
          file.appendChild(el('span', 'ss-file-icon', '📦'));
          var fileText = el('span', 'ss-file-text');
          fileText.appendChild(el('span', 'ss-file-name', message.attachment.name || ''));
          if (message.attachment.detail) fileText.appendChild(el('span', 'ss-file-detail', message.attachment.detail));
          file.appendChild(fileText);
          button.appendChild(file);
        }
        button.appendChild(el('span', 'ss-text', message.text));
        if (message.time) button.appendChild(el('span', 'ss-time', message.time));
      }
      var flag = el('span', 'ss-flag');
      flag.setAttribute('aria-hidden', 'true');
      button.appendChild(flag);

      var feedback = el('div', 'ss-feedback');
      feedback.hidden = true;

      button.addEventListener('click', function () {
        if (self.checked) return;
        self.marked[message.id] = !self.marked[message.id];
        self.render();
      });
      item.appendChild(button);
      item.appendChild(feedback);
      list.appendChild(item);
      return { message: message, button: button, flag: flag, feedback: feedback, item: item };
    });
    phone.appendChild(list);
    container.appendChild(phone);

    var footer = el('div', 'ss-footer');
    this.counter = el('p', 'ss-counter');
    this.counter.setAttribute('aria-live', 'polite');
    this.result = el('div', 'ss-result');
    this.result.setAttribute('role', 'status');
    this.result.hidden = true;
    this.checkButton = el('button', 'ss-button', this.l10n.check || 'Periksa');
    this.checkButton.type = 'button';
    this.checkButton.addEventListener('click', function () {
      self.check();
    });
    this.retryButton = el('button', 'ss-button ss-secondary', this.l10n.retry || 'Coba lagi');
    this.retryButton.type = 'button';
    this.retryButton.hidden = true;
    this.retryButton.addEventListener('click', function () {
      self.resetTask();
      self.checkButton.focus();
    });
    footer.appendChild(this.counter);
    footer.appendChild(this.result);
    footer.appendChild(this.checkButton);
    footer.appendChild(this.retryButton);
    container.appendChild(footer);

    this.render();
    if (typeof this.setActivityStarted === 'function') this.setActivityStarted();
  };

  ScamSpotter.prototype.render = function () {
    var self = this;
    var count = 0;
    this.nodes.forEach(function (node) {
      var marked = Boolean(self.marked[node.message.id]);
      if (marked) count++;
      node.button.setAttribute('aria-pressed', marked ? 'true' : 'false');
      node.button.disabled = self.checked;
      node.item.classList.toggle('ss-marked', marked);
      node.flag.textContent = marked ? '⚠️ ' + (self.l10n.marked || '') : (self.checked ? '' : self.l10n.markScam || '');
      node.item.classList.remove('ss-right', 'ss-wrong');
      node.feedback.hidden = !self.checked;
      node.feedback.textContent = '';
      if (self.checked) {
        var right = marked === Boolean(node.message.scam);
        node.item.classList.add(right ? 'ss-right' : 'ss-wrong');
        node.feedback.appendChild(el('strong', 'ss-verdict', (right ? '✓ ' + (self.l10n.correct || '') : '✗ ' + (self.l10n.wrong || '')) + ' · '));
        node.feedback.appendChild(el('strong', null, (node.message.scam ? self.l10n.isScam : self.l10n.isSafe) || ''));
        node.feedback.appendChild(document.createTextNode(' ' + (node.message.feedback || '')));
      }
    });
    this.counter.textContent = this.checked ? '' : fill(this.l10n.marking, { count: count });
    this.counter.hidden = this.checked;
    this.checkButton.hidden = this.checked;
    this.retryButton.hidden = !this.checked;
    this.result.hidden = !this.checked;
    if (this.checked) {
      var score = this.getScore();
      var max = this.getMaxScore();
      this.result.textContent = '';
      this.result.appendChild(el('strong', 'ss-score', fill(this.l10n.score, { score: score, max: max })));
      this.result.appendChild(el('span', 'ss-summary', score === max ? this.l10n.allRight : this.l10n.someWrong));
      this.result.classList.toggle('ss-all-right', score === max);
    }
    this.trigger('resize');
  };

  ScamSpotter.prototype.check = function () {
    if (this.checked) return;
    this.checked = true;
    this.render();
    var score = this.getScore();
    var max = this.getMaxScore();
    var success = score === max;
    this.triggerXAPIScored(score, max, 'answered', true, success);
    this.triggerXAPIScored(score, max, 'completed', true, success);
    if (this.result.focus) {
      this.result.setAttribute('tabindex', '-1');
      this.result.focus();
    }
  };

  ScamSpotter.prototype.showSolutions = function () {
    this.checked = true;
    this.render();
  };

  ScamSpotter.prototype.resetTask = function () {
    this.marked = {};
    this.checked = false;
    this.render();
  };

  /** For H5P's reporting (e.g. inside a Question Set): the answer as an xAPI statement. */
  ScamSpotter.prototype.getXAPIData = function () {
    var event = this.createXAPIEventTemplate('answered');
    event.setScoredResult(this.getScore(), this.getMaxScore(), this, true, this.getScore() === this.getMaxScore());
    return { statement: event.data.statement };
  };

  return ScamSpotter;
})();
