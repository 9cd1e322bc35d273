/**
 * What customers write when they thank, greet, close, complain or ask for a person, in the languages the
 * copilot meets (en, es, fr, de, pt). Matched against folded text (lower case, no accents), whole words.
 * Kept as phrase lists, not sentences: unseen conversations use other sentences with the same words.
 */
export interface ActLexicon {
  acknowledgement: string[];
  closing: string[];
  greeting: string[];
  humanRequest: string[];
  complaint: string[];
  /** Words that make a line ask for something (a question, a wish, a problem). */
  requestCue: string[];
  /** Short answers: yes/no. */
  yesNo: string[];
  /** The customer turns down what was offered or drops the request ("never mind", "I'll keep it"). */
  decline: string[];
}

export const lexicons: Record<'en' | 'es' | 'fr' | 'de' | 'pt', ActLexicon> = {
  en: {
    acknowledgement: ['thanks for trying', 'thanks for your help', 'thanks for the help', 'thank you for your help', 'thanks for helping', 'thanks', 'thank you', 'thank u', 'thx', 'ty', 'ok', 'okay', 'k', 'kk', 'great', 'perfect', 'cool', 'nice', 'awesome', 'sweet', 'got it', 'noted', 'appreciate it', 'much appreciated', 'sounds good', 'alright', 'all right', 'fine', 'oh right', 'that worked', 'wonderful', 'excellent', 'lovely', 'brilliant', 'amazing', 'fantastic', 'wow', 'ok well', 'thanks anyway', 'super', 'good', 'lol', 'haha', 'understood', 'i see'],
    closing: ["that's all", 'thats all', "that's it", 'thats it', 'no thanks', 'no thank you', 'nope', 'nothing else', 'bye', 'goodbye', 'have a nice day', 'have a good day', 'all good', "i'm good", 'im good', 'no', 'nah', 'that is all', "we're done", 'all set'],
    greeting: ['hi', 'hello', 'hey', 'hey ho', 'hang on', 'one sec', 'one second', 'just a sec', 'wait', 'brb', 'hold on', 'good morning', 'good afternoon', 'good evening', 'howdy', 'yo', 'hiya', 'quick question', 'hi there', 'hello there', 'greetings'],
    humanRequest: ['manager', 'supervisor', 'a human', 'real person', 'someone higher up', 'somebody higher up', 'talk to a person', 'speak to a person', 'speak to someone', 'talk to someone', 'escalate', 'your boss', 'a person please', 'human agent', 'live agent', 'representative'],
    complaint: ['unacceptable', 'not ok', 'not okay', 'ridiculous', 'terrible', 'awful', 'worst', 'disgusting', 'outrageous', 'second time', 'third time', 'fed up', 'sick of', 'furious', 'angry', 'scam', 'useless', 'horrible', 'complaint', 'not happy', 'very upset', 'you guys took', 'seriously'],
    requestCue: ['can i', 'can you', 'could you', 'could i', 'would you', 'i want', 'i need', 'i would like', "i'd like", 'id like', 'please', 'how', 'why', 'where', 'when', 'what', 'which', 'is it possible', 'help', 'forgot', "can't", 'cant', 'cannot', "doesn't", "didn't", "isn't", "wasn't", "haven't", 'never', 'wrong', 'broken', 'problem', 'issue', 'charged', 'return', 'refund', 'cancel', 'change', 'still', 'want to', 'trying to', 'is there', 'are there', 'do you', 'does it', 'do they'],
    yesNo: ['yes', 'yeah', 'yep', 'yup', 'sure', 'correct', "that's right", 'thats right', 'right', 'no', 'nope', 'yes please'],
    decline: ['never mind', 'nevermind', 'forget it', 'forget about it', 'leave it', 'leave it be', 'leave it as it is', "i'll keep it", 'ill keep it', 'i will keep it', "i'll keep them", 'i will keep them', "i'll just keep", "don't bother", 'dont bother', 'no need', 'not necessary', "that's not necessary", "i don't want it anymore", "i don't want the refund", "i don't want a refund", 'scratch that', "i've changed my mind", 'changed my mind', 'i changed my mind', "don't do it", 'not anymore', 'rather not', "i'd rather not"],
  },
  es: {
    acknowledgement: ['gracias', 'muchas gracias', 'mil gracias', 'vale', 'va', 'ok', 'perfecto', 'genial', 'estupendo', 'de acuerdo', 'entendido', 'bien', 'muy bien', 'listo', 'claro', 'bueno', 'que bien', 'excelente', 'super'],
    closing: ['nada mas', 'eso es todo', 'eso era todo', 'era todo', 'eso seria todo', 'nop', 'es todo', 'no gracias', 'adios', 'hasta luego', 'chao', 'no', 'nada', 'buen dia', 'que tenga buen dia'],
    greeting: ['hola', 'buenas', 'un momento', 'espera', 'un segundo', 'buenos dias', 'buenas tardes', 'buenas noches', 'que tal', 'una pregunta', 'pregunta rapida'],
    humanRequest: ['gerente', 'supervisor', 'encargado', 'responsable', 'una persona', 'un humano', 'agente humano', 'alguien superior', 'hablar con alguien', 'jefe'],
    complaint: ['inaceptable', 'ridiculo', 'terrible', 'horrible', 'queja', 'harto', 'harta', 'segunda vez', 'tercera vez', 'indignante', 'estafa', 'en serio', 'no es aceptable', 'fatal', 'molesto', 'molesta'],
    requestCue: ['quiero', 'quisiera', 'necesito', 'puedo', 'puede', 'podria', 'podrian', 'me gustaria', 'como', 'cuando', 'donde', 'por que', 'cual', 'cuanto', 'cuanta', 'ayuda', 'olvide', 'no puedo', 'no funciona', 'no llego', 'problema', 'devolver', 'reembolso', 'cancelar', 'cambiar', 'todavia', 'aun', 'hay'],
    yesNo: ['si', 'claro', 'correcto', 'exacto', 'no', 'si por favor'],
    decline: ['olvidalo', 'olvidelo', 'dejalo', 'dejelo', 'dejalo asi', 'dejelo asi', 'da igual', 'no hace falta', 'no es necesario', 'me lo quedo', 'me la quedo', 'me los quedo', 'me las quedo', 'mejor no', 'ya no quiero', 'ya no lo quiero', 'no quiero el reembolso', 'cambie de opinion', 'he cambiado de opinion', 'no se moleste', 'no importa'],
  },
  fr: {
    acknowledgement: ['merci', 'merci beaucoup', 'ok', "d'accord", 'daccord', 'parfait', 'super', 'genial', 'top', 'tres bien', 'entendu', 'cool', 'ca marche', 'nickel', 'excellent', 'impeccable', 'bien'],
    closing: ["c'est tout", 'cest tout', 'non merci', 'au revoir', 'bonne journee', 'bonne soiree', 'rien d\'autre', 'non', 'ce sera tout', 'a bientot'],
    greeting: ['bonjour', 'bonsoir', 'un instant', 'une seconde', 'attendez', 'salut', 'coucou', 'une question', 'petite question'],
    humanRequest: ['responsable', 'superviseur', 'manager', 'directeur', 'un humain', 'une personne', 'quelqu\'un d\'autre', 'votre superieur', 'parler a quelqu\'un', 'conseiller'],
    complaint: ['inacceptable', 'ridicule', 'scandaleux', 'honteux', 'nul', 'horrible', 'plainte', 'deuxieme fois', 'troisieme fois', 'en ai marre', 'arnaque', 'serieusement', 'pas normal', 'inadmissible'],
    requestCue: ['je veux', 'je voudrais', 'j\'aimerais', 'je souhaite', 'pouvez-vous', 'pouvez vous', 'puis-je', 'est-ce que', 'comment', 'pourquoi', 'quand', 'ou est', 'combien', 'quel', 'quelle', 'aide', 'oublie', 'ne marche pas', 'ne fonctionne pas', 'probleme', 'retourner', 'rembourse', 'remboursement', 'annuler', 'changer', 'modifier', 'toujours pas', 'besoin'],
    yesNo: ['oui', 'ouais', 'exact', 'exactement', "c'est ca", 'non', 'oui merci'],
    decline: ['laissez tomber', 'laisse tomber', 'tant pis', 'pas la peine', 'ce n\'est pas la peine', 'ce nest pas la peine', 'je le garde', 'je la garde', 'je les garde', 'je vais le garder', 'je vais la garder', 'je vais les garder', 'finalement non', 'oubliez', 'oubliez ca', 'pas necessaire', 'j\'ai change d\'avis', 'jai change davis', 'je ne veux plus', 'ne vous embetez pas', 'non ca ira'],
  },
  de: {
    acknowledgement: ['danke', 'vielen dank', 'danke schon', 'dankeschon', 'ok', 'okay', 'super', 'prima', 'toll', 'perfekt', 'alles klar', 'gut', 'sehr gut', 'verstanden', 'klasse', 'wunderbar', 'passt'],
    closing: ['das war alles', 'das wars', 'alles gut', 'nein danke', 'tschuss', 'auf wiedersehen', 'schonen tag', 'nichts mehr', 'nein', 'sonst nichts', 'bis dann'],
    greeting: ['hallo', 'guten tag', 'moment', 'einen moment', 'sekunde', 'guten morgen', 'guten abend', 'moin', 'servus', 'hi', 'eine frage', 'kurze frage'],
    humanRequest: ['vorgesetzten', 'vorgesetzte', 'manager', 'chef', 'einen menschen', 'mit jemandem sprechen', 'teamleiter', 'verantwortlichen', 'supervisor', 'eskalieren'],
    complaint: ['inakzeptabel', 'unverschamt', 'lacherlich', 'schrecklich', 'beschwerde', 'zum zweiten mal', 'schon wieder', 'reicht mir', 'betrug', 'frechheit', 'ernsthaft', 'nicht in ordnung', 'sauer'],
    requestCue: ['ich mochte', 'ich will', 'ich brauche', 'ich hatte gern', 'konnen sie', 'kann ich', 'kann man', 'konnten sie', 'wie', 'warum', 'wann', 'wo ist', 'wieviel', 'wie viel', 'welche', 'hilfe', 'vergessen', 'funktioniert nicht', 'problem', 'zuruckgeben', 'zurucksenden', 'erstattung', 'ruckerstattung', 'stornieren', 'andern', 'immer noch', 'noch nicht'],
    yesNo: ['ja', 'genau', 'richtig', 'stimmt', 'nein', 'ja bitte'],
    decline: ['lassen sie es', 'lassen sie das', 'lass es', 'vergessen sie es', 'vergessen sie das', 'vergiss es', 'schon gut', 'nicht notig', 'nicht noetig', 'ich behalte es', 'ich behalte sie', 'ich behalte ihn', 'behalte es', 'dann doch nicht', 'lieber doch nicht', 'doch lieber nicht', 'jetzt doch nicht', 'ich habe es mir anders uberlegt', 'anders uberlegt', 'ich will das nicht mehr', 'nicht mehr notig', 'brauche ich nicht mehr'],
  },
  pt: {
    acknowledgement: ['obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'valeu', 'ok', 'beleza', 'perfeito', 'otimo', 'legal', 'certo', 'entendi', 'ah que bom', 'que bom', 'show', 'combinado', 'tudo bem', 'blz', 'excelente', 'bom'],
    closing: ['so isso', 'e so isso', 'nada mais', 'nao obrigado', 'nao obrigada', 'tchau', 'ate logo', 'bom dia', 'nao', 'era isso', 'mais nada'],
    greeting: ['ola', 'oi', 'um momento', 'espera', 'so um segundo', 'bom dia', 'boa tarde', 'boa noite', 'tudo bem', 'uma pergunta', 'pergunta rapida'],
    humanRequest: ['gerente', 'supervisor', 'responsavel', 'uma pessoa', 'um humano', 'atendente humano', 'falar com alguem', 'chefe', 'superior'],
    complaint: ['inaceitavel', 'ridiculo', 'absurdo', 'horrivel', 'pessimo', 'reclamacao', 'segunda vez', 'terceira vez', 'cansado', 'cansada', 'golpe', 'serio', 'palhacada', 'revoltado', 'revoltada'],
    requestCue: ['quero', 'queria', 'gostaria', 'preciso', 'posso', 'pode', 'poderia', 'como', 'quando', 'onde', 'por que', 'porque', 'qual', 'quanto', 'ajuda', 'esqueci', 'nao consigo', 'nao funciona', 'problema', 'devolver', 'reembolso', 'cancelar', 'cancelado', 'mudar', 'alterar', 'ainda', 'nao cancelei'],
    yesNo: ['sim', 'isso', 'exato', 'correto', 'nao', 'sim por favor'],
    decline: ['deixa pra la', 'deixa para la', 'esquece', 'esqueca', 'nao precisa', 'nao e necessario', 'vou ficar com ele', 'vou ficar com ela', 'fico com ele', 'fico com ela', 'mudei de ideia', 'nao quero mais', 'melhor nao', 'tanto faz'],
  },
};

export type LexiconKey = keyof ActLexicon;

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

const compiled = new Map<string, RegExp>();

/** One regular expression per lexicon list over every language: a customer may mix languages. */
export function lexiconPattern(key: LexiconKey): RegExp {
  let pattern = compiled.get(key);
  if (!pattern) {
    const phrases = [...new Set(Object.values(lexicons).flatMap((lexicon) => lexicon[key]))].sort((a, b) => b.length - a.length);
    pattern = new RegExp(`(?<![\\p{L}\\d])(?:${phrases.map(escape).join('|')})(?![\\p{L}\\d])`, 'gu');
    compiled.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** How many characters of the folded line the lexicon's phrases cover. */
export function coverage(folded: string, key: LexiconKey): number {
  let covered = 0;
  for (const match of folded.matchAll(lexiconPattern(key))) covered += match[0].length;
  return covered;
}

export function mentions(folded: string, key: LexiconKey): boolean {
  return lexiconPattern(key).test(folded);
}
