import Sentiment from 'sentiment';

export interface SentimentResult {
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  /** 0 … 1: how likely the customer is losing patience. */
  frustration: number;
  /** The support-specific cues that raised frustration, in plain words. */
  cues: string[];
}

export interface SentimentTrend {
  slope: number;
  latest: number;
  average: number;
  /** True when the last messages are clearly more negative than the earlier ones. */
  worsening: boolean;
}

const analyzer = new Sentiment();

// Support vocabulary the general-purpose lexicon misses or underweights.
const supportLexicon: Record<string, number> = {
  refund: 0, broken: -2, damaged: -2, late: -2, delayed: -2, missing: -2, never: -1, still: -1, again: -1,
  ridiculous: -3, unacceptable: -3, useless: -3, scam: -4, worst: -3, waiting: -1, charged: -1, overcharged: -3,
  thanks: 2, thank: 2, appreciate: 2, perfect: 3, great: 3, resolved: 2,
};

const cuePatterns: [RegExp, string, number][] = [
  [/\b(third|fourth|fifth|3rd|4th|5th|\d+(?:th)?)\s+time\b/i, 'repeated contact', 0.35],
  [/\b(again|already (?:told|asked|called|contacted|explained)|how many times|keep (?:asking|telling|calling)|still (?:not|no|waiting|haven'?t))\b/i, 'has asked before', 0.25],
  [/\b(cancel (?:my )?(?:account|membership|subscription)|switch(?:ing)? to|take my business|never (?:buy|order|shop)(?:ing)? (?:here |from you )?again|done with you|leave|leaving)\b/i, 'threatens to leave', 0.35],
  [/\b(lawyer|attorney|sue|court|chargeback|bbb|better business bureau|report you|consumer protection)\b/i, 'legal or chargeback threat', 0.45],
  [/\b(manager|supervisor|human|real person|someone else)\b/i, 'asks for someone else', 0.2],
  [/\b(ridiculous|unacceptable|disgusting|furious|angry|fed up|sick of|worst|terrible|awful|scam|joke)\b/i, 'strong negative words', 0.25],
  [/!{2,}|\?{2,}|\?!|!\?/, 'repeated punctuation', 0.15],
];

function capsRatio(text: string): number {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length < 8) return 0;
  return letters.replace(/[^A-Z]/g, '').length / letters.length;
}

/** Lexicon score (AFINN, with support terms) plus support-specific frustration cues. */
export function analyzeSentiment(text: string, history: number[] = []): SentimentResult {
  const result = analyzer.analyze(text, { extras: supportLexicon });
  const score = Math.tanh(result.comparative * 1.5 + (result.score / 8) * 0.3);
  const cues: string[] = [];
  let frustration = Math.max(0, -score) * 0.5;
  for (const [pattern, cue, weight] of cuePatterns) {
    if (pattern.test(text)) {
      cues.push(cue);
      frustration += weight;
    }
  }
  if (capsRatio(text) > 0.6) {
    cues.push('shouting in capitals');
    frustration += 0.25;
  }
  const recentNegative = history.slice(-3).filter((value) => value < -0.2).length;
  if (recentNegative >= 2 && score < 0) {
    cues.push('negative for several messages');
    frustration += 0.15;
  }
  const capped = Math.min(1, frustration);
  // A frustrated customer is an unhappy one, whatever polite words the lexicon counted.
  const combined = Math.max(-1, Math.min(score, score - capped * 0.6));
  return { score: Number(combined.toFixed(3)), frustration: Number(capped.toFixed(3)), cues };
}

/** The direction of a conversation's sentiment: least-squares slope over the scores, oldest first. */
export function sentimentTrend(scores: number[]): SentimentTrend {
  const n = scores.length;
  const latest = scores[n - 1] ?? 0;
  const average = n ? scores.reduce((sum, value) => sum + value, 0) / n : 0;
  if (n < 2) return { slope: 0, latest, average, worsening: latest < -0.5 };
  const meanX = (n - 1) / 2;
  let numerator = 0;
  let denominator = 0;
  scores.forEach((value, index) => {
    numerator += (index - meanX) * (value - average);
    denominator += (index - meanX) ** 2;
  });
  const slope = denominator ? numerator / denominator : 0;
  const recent = scores.slice(-3);
  const recentAverage = recent.reduce((sum, value) => sum + value, 0) / recent.length;
  return { slope, latest, average, worsening: (slope < -0.05 && recentAverage < 0) || recentAverage < -0.5 };
}
