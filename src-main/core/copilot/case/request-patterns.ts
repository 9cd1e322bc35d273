/**
 * Words that tell the retailer's subflows apart (guidelines.json), in en/es/fr/de/pt, matched on folded
 * text. Each pattern adds its weight; the best-scoring subflow above the threshold is the request.
 * Written from the guidelines' descriptions of each subflow, not from example sentences.
 */
export interface SubflowPattern {
  subflow: string;
  /** Set where the words say more than the subflow, e.g. a return (which the membership window governs). */
  intent?: string;
  patterns: [RegExp, number][];
}

const refundWord = '(refund|money back|(devuelv\\w*|devolver) (el|mi) dinero|reembols\\w*|devolucion del dinero|rembours\\w*|erstatt\\w*|ruckerstatt\\w*|geld zuruck|reembolso|estorno|dinheiro de volta)';
const returnWord = '(return|send (it )?back|devolver|devolucion|devolverla|devolverlo|retourner|renvoyer|retour|zuruckgeben|zurucksenden|umtauschen|ruckgabe|retoure|devolver|devolucao|trocar)';
const statusWord = '(status|check on|where is|when (will|do|can|would) i (get|receive|see)|cuando me (devuelven|llega|reembolsan)|quand (vais-je|est-ce que je vais|serai-je)|wann (bekomme|erhalte) ich|quando (vou|vao) (receber|me devolver)|update on|still (haven.?t|not|no)|not (yet )?(seen|received|got)|haven.?t (seen|received|got)|estado|donde esta|todavia no|aun no|ou en est|toujours pas|pas encore|statut|wo bleibt|noch nicht|immer noch nicht|cade|ainda nao|situacao)';

export const subflowPatterns: SubflowPattern[] = [
  // product_defect
  { subflow: 'refund_status', patterns: [[/\b(waiting|wait|waited)\b.*\b(refund|my money|money back|reimburse\w*)\b/, 3], [/\b(cuando me (devuelven|reembolsan|llega el reembolso)|quand (vais-je|serai-je) (etre )?rembourse|wann (bekomme|erhalte) ich (mein geld|meine (ruck)?erstattung)|quando (vou receber|recebo) (o )?(meu )?(reembolso|dinheiro))\b/, 3], [new RegExp(`${statusWord}.*${refundWord}|${refundWord}.*${statusWord}`), 3], [new RegExp(`${refundWord}.*\\b(yet|arrived|processed|going on|happening|pending)\\b`), 2], [/\b(returned|sent back|devolvi|renvoye|zuruckgeschickt|devolvi)\b.*\b(weeks?|days?|semanas|semaines|wochen|tage|dias)\b.*\b(refund|reembolso|remboursement|erstattung|geld)\b/, 2]] },
  { subflow: 'refund_update', patterns: [[new RegExp(`\\b(add|another|one more|include|anadir|agregar|otro|ajouter|un autre|hinzufugen|noch ein|adicionar|outro)\\b.*${refundWord}`), 3], [new RegExp(`${refundWord}.*\\b(already|going|existing|ya|deja|schon|bereits|ja)\\b.*\\b(add|another|anadir|ajouter|hinzufugen|adicionar)\\b`), 3]] },
  // "I want to return it" with no reason yet: a return, refined to return_size/colour/stain by the next lines.
  { subflow: 'refund_initiate', intent: 'return', patterns: [[new RegExp(returnWord), 1.5]] },
  { subflow: 'refund_initiate', patterns: [[new RegExp(`\\b(want|need|would like|like|get|request|quiero|necesito|quisiera|veux|voudrais|mochte|will|quero|gostaria|pedir|solicitar|demander|beantragen)\\b.*${refundWord}`), 2], [new RegExp(`^${refundWord}`), 1.5], [new RegExp(refundWord), 1]] },
  { subflow: 'return_size', patterns: [[/\b(size|sizes|talla|taille|grosse|tamanho|fit|fits|too (big|small|large|tight|loose)|(queda|quedan) (pequen\w*|grande\w*|chic\w*|apretad\w*)|apretad\w*|ajustad\w*|apertad\w*|folgad\w*|serree?s?|zu eng|zu weit|muy (grande|pequen\w*)|trop (grand|petit)e?|zu (gross|klein|eng|weit)|muito (grande|pequen\w*)|grande demais|pequen\w* demais)\b/, 2.5], [new RegExp(returnWord), 1]] },
  { subflow: 'return_color', patterns: [[/\b(colou?r|color|couleur|farbe|cor|shade|tono|teinte)\b/, 2.5], [new RegExp(returnWord), 1]] },
  { subflow: 'return_stain', patterns: [[/\b(stain\w*|mancha\w*|manchad\w*|tache\w*|fleck\w*|dirty|sucio|sucia|sale|schmutzig|sujo|suja|spot|ketchup)\b/, 2.5], [new RegExp(returnWord), 1]] },
  // shipping_issue
  { subflow: 'missing', patterns: [[/\b(missing|wasn.?t in|weren.?t in|werent in|not in the (box|package)|only (the|one)|falta|faltaba|no venia|no llego todo|manque|manquait|il manque|fehlt|fehlte|nicht im paket|faltou|faltando|nao veio)\b/, 3]] },
  { subflow: 'cost', patterns: [[/\b(shipping|delivery|envio|livraison|versand|frete|entrega)\b.*\b(cost|fee|charge|charged|pay|paid|price|\$\d+|costo|cobr\w*|pague|frais|payer|paye|kosten|gebuhr|bezahl\w*|taxa|paguei|cobrad\w*)\b|\b(pay|paid|charged|pague|paye|payer|bezahl\w*|zahl\w*|paguei|cobr\w*|factur\w*)\b.*\b(shipping|envio|livraison|versand|frete|porto)\b|\bshipping (was|is) free\b|\bfree shipping\b/, 3]] },
  { subflow: 'manage', patterns: [[/\b(moved|new address|old address|wrong address|change (the|my)? ?(shipping |delivery )?address|me mude|nueva direccion|direccion antigua|cambiar (la )?direccion|demenage|nouvelle adresse|ancienne adresse|changer (l.)?adresse|umgezogen|neue adresse|alte adresse|adresse andern|mudei|novo endereco|endereco antigo|mudar (o )?endereco)\b/, 2.5], [/\b(order|package|pedido|commande|colis|bestellung|paket|encomenda)\b/, 0.5]] },
  { subflow: 'status', patterns: [[/\b(cancel+ed|cancelad\w*|annulee?|storniert|cancelad\w*)\b.*\b(didn.?t|did not|never|no|nunca|pas|nicht|nao)\b|\b(didn.?t|did not|never|no|nunca|pas|nicht|nao)\b.*\b(cancel\w*|annule\w*|storn\w*)\b/, 3], [/\b(order|package|parcel|delivery|shipment)\b.*\b(still not|not yet|hasn.?t|has not|never|not|nothing)\b.*\b(arrived|come|delivered|received|shipped)\b/, 2.5], [/\b(where is my (order|package)|when will (it|my order|my package) (arrive|come)|track\w* (my )?(order|package)|donde esta mi pedido|ou est ma commande|wo ist meine bestellung|cade meu pedido|onde esta meu pedido|shipping status|estado del envio)\b/, 2.5]] },
  // order_issue
  { subflow: 'status_delivery_time', patterns: [[/\b(deliver\w*|arrive|come|entrega|llegue|livr\w*|liefer\w*|chegar)\b.*\b(morning|evening|afternoon|night|later|earlier|different (day|time)|instead|manana|tarde|noche|matin|soir|apres-midi|morgens|abends|nachmittags|manha|noite)\b|\b(at work|not (be )?home|won.?t be (home|there)|no estare|je ne serai pas|nicht zu hause|nao vou estar)\b/, 3]] },
  { subflow: 'status_quantity', patterns: [[/\b(ordered|order(ed)? (\d+|two|three|2|3)|only wanted (one|1)|solo queria (uno|una)|je n.?en voulais qu.?un|nur (einen|eine|eins) (wollte|bestellt)|so queria (um|uma)|too many|quantity|cantidad|quantite|menge|quantidade)\b.*\b(\d+|two|three|one|uno|una|deux|trois|zwei|drei|dois|tres)\b/, 2.5], [/\b(confirmation email|correo de confirmacion|email de confirmation|bestatigungs\w*|email de confirmacao)\b.*\b(\d+|two|three|dos|tres|deux|trois|zwei|drei)\b/, 1.5]] },
  { subflow: 'status_mystery_fee', patterns: [[/\b(extra|mystery|unknown|strange|weird|unexpected|hidden|extra\w*|desconocid\w*|inconnu\w*|unbekannt\w*|estranh\w*)\b.*\b(fee|charge|cargo|frais|gebuhr|taxa|cobranca)\b|\b(fee|charge|cargo|frais|gebuhr)\b.*\b(don.?t recognize|no reconozco|ne reconnais pas|nicht erkenne|nao reconheco)\b/, 2.5]] },
  { subflow: 'status_payment_method', patterns: [[/\b(pay(ment)? (method|with)|paid with|pay with|pagar con|metodo de pago|moyen de paiement|payer avec|zahlungsmethode|zahlungsart|bezahlen mit|forma de pagamento|pagar com)\b.*\b(change|different|other|cambiar|otro|changer|autre|andern|andere|mudar|outro|wrong|equivocad\w*)\b|\b(change|cambiar|changer|andern|mudar)\b.*\b(payment method|metodo de pago|moyen de paiement|zahlungsmethode|forma de pagamento)\b/, 3]] },
  { subflow: 'manage_upgrade', patterns: [[/\b(overnight|express|faster|next day|upgrade|urgente|mas rapido|plus rapide|schneller|expresso|mais rapido|rush)\b.*\b(ship\w*|deliver\w*|envio|livraison|versand|lieferung|entrega)?\b/, 2.5]] },
  { subflow: 'manage_downgrade', patterns: [[/\b(downgrade|slower|cheaper shipping|next week delivery|save on shipping|envio mas barato|livraison moins chere|gunstiger\w* versand|frete mais barato)\b/, 3]] },
  { subflow: 'manage_create', patterns: [[/\b(add|anadir|agregar|ajouter|hinzufugen|adicionar|incluir)\b.*\b(to (my|the) (existing )?order|al pedido|a mi pedido|a ma commande|zur bestellung|ao pedido|ao meu pedido)\b/, 3]] },
  { subflow: 'manage_cancel', patterns: [[/\b(cancel|cancelar|annuler|stornieren)\b.*\b(order|item|one|one of|pedido|commande|bestellung|encomenda|articulo|article|artikel|uno|una|un|eine|einen|um|uma)\b/, 2.5], [/\b(ordered (it )?twice|two by mistake|by accident|por error|par erreur|aus versehen|por engano|accidentally|sin querer|versehentlich)\b/, 1.5]] },
  // manage_account
  { subflow: 'status_service_added', patterns: [[/\b(charge|charged|charging|cargo|frais|gebuhr|cobranca|cobr\w*|factur\w*|berechn\w*)\b.*\b(service|subscription|servicio|suscripcion|abonnement|dienst|abo|servico|assinatura)\b.*\b(never|didn.?t|not|nunca|jamais|pas|nie|nicht|nao)\b|\b(service|servicio|service|dienst|servico)\b.*\b(never signed up|didn.?t sign up|never asked|no contrate|nunca pedi|n.?ai jamais|nie bestellt|nicht abgeschlossen|nao contratei|nunca assinei)\b/, 3]] },
  { subflow: 'status_service_removed', patterns: [[/\b(service|servicio|dienst|servico)\b.*\b(removed|gone|disappeared|eliminad\w*|supprime|entfernt|removid\w*)\b/, 3]] },
  { subflow: 'status_credit_missing', patterns: [[/\b(store credit|credit|credito|avoir|guthaben)\b.*\b(gone|missing|disappeared|took|taken|used|desaparecio|ya no esta|disparu|weg|verschwunden|sumiu|desapareceu)\b|\b(took|quitaron|pris|genommen|tiraram) my (store )?credit\b/, 3]] },
  { subflow: 'status_shipping_question', patterns: [[/\b(shipping (policy|question|options)|how long (does|will) shipping|international shipping)\b/, 2]] },
  { subflow: 'manage_change_address', patterns: [[/\baddress (in|on|of) (my|the) account\b|\baccount address\b/, 3], [/\b(update|change|cambiar|actualizar|changer|modifier|andern|aktualisieren|mudar|alterar|atualizar)\b.*\b(my address|address on (my|the) account|direccion de mi cuenta|mi direccion|mon adresse|meine adresse|meu endereco)\b/, 2.5]] },
  { subflow: 'manage_change_name', patterns: [[/\b(update|change|cambiar|changer|modifier|andern|mudar|alterar|misspell\w*|wrong)\b.*\b(my name|name on (my|the) account|mi nombre|mon nom|meinen namen|meu nome)\b/, 2.5]] },
  { subflow: 'manage_change_phone', patterns: [[/\b(update|change|new|cambiar|nuevo|changer|nouveau|andern|neue|mudar|novo)\b.*\b(phone|number|telefono|numero|telephone|telefonnummer|handynummer|telefone|celular)\b/, 2.5]] },
  { subflow: 'manage_payment_method', patterns: [[/\b(add|update|change|new|anadir|cambiar|ajouter|changer|hinzufugen|andern|adicionar|mudar)\b.*\b(card on file|payment method on|credit card on (my|the) account|tarjeta en mi cuenta|carte sur mon compte|karte in meinem konto|cartao na minha conta)\b/, 2.5]] },
  // account_access
  { subflow: 'recover_username', patterns: [[/\b(forgot|forgotten|don.?t remember|can.?t remember|lost|olvide|no recuerdo|oublie|vergessen|esqueci|nao lembro)\b.*\b(username|user name|login name|usuario|nom d.?utilisateur|identifiant|benutzername|nome de usuario)\b|\b(username|usuario|benutzername)\b.*\b(forgot|olvide|oublie|vergessen|esqueci)\b/, 3.5]] },
  { subflow: 'recover_password', patterns: [[/\b(password|contrasena|clave|mot de passe|passwort|kennwort|senha)\b/, 3], [/\b(forgot|reset|locked out|can.?t log ?in|olvide|restablecer|oublie|reinitialiser|vergessen|zurucksetzen|esqueci|redefinir)\b/, 1], [/\b(can.?t|can not|cannot|unable to|not able to|not) (to )?(log ?in|sign ?in|access|get into)\b|\blocked out\b/, 2]] },
  { subflow: 'reset_2fa', patterns: [[/\b(2fa|two.factor|two step|verification code|authenticat\w*|codigo de verificacion|code de verification|bestatigungscode|zwei.faktor|codigo de verificacao|dos pasos|deux facteurs)\b/, 3.5]] },
  // purchase_dispute
  { subflow: 'bad_price_competitor', patterns: [[/\b(competitor|cheaper (at|on|elsewhere)|other (store|site)|price match|competencia|mas barato en|concurrent|moins cher ailleurs|konkurrenz|woanders gunstiger|concorrente|mais barato em)\b/, 3]] },
  { subflow: 'bad_price_yesterday', patterns: [[/\b(price (dropped|went down|is lower)|cheaper (today|now)|yesterday.*price|price.*yesterday|bajo el precio|ayer.*precio|prix a baisse|hier.*prix|preis (gesunken|gefallen)|gestern.*preis|preco caiu|ontem.*preco)\b/, 3]] },
  { subflow: 'promo_code_out_of_date', patterns: [[/\b(promo|promotion\w*|discount|coupon|codigo|code|gutschein|cupom|cupon|rabatt)\b.*\b(expired|out of date|no longer valid|caducado|caducada|vencido|vencida|perime|abgelaufen|expirado|expirada)\b/, 3.5]] },
  { subflow: 'promo_code_invalid', patterns: [[/\b(promo|promotion\w*|discount|coupon|codigo promocional|code promo|gutscheincode|rabattcode|cupom|cupon|codigo de descuento)\b.*\b(code|codigo|code|cupom|cupon)?\b.*\b(not working|doesn.?t work|won.?t work|(does|do|is|will) not work\w*|invalid|rejected|not accepted|isn.?t accepted|(can.?t|cannot|can not|won.?t|doesn.?t|does not|not) (let me )?(apply|use|accept)|no funciona|no sirve|ne marche pas|ne fonctionne pas|invalide|funktioniert nicht|ungultig|nao funciona|invalido)\b/, 3], [/\b(promo code|promotional code|discount code|coupon code|codigo promocional|code promo|gutscheincode|rabattcode|cupom)\b/, 1.5]] },
  { subflow: 'out_of_stock_one_item', patterns: [[/\b(out of stock|sold out|agotad\w*|sin stock|rupture de stock|epuise\w*|ausverkauft|nicht vorratig|esgotad\w*|sem estoque)\b/, 3]] },
  { subflow: 'mistimed_billing_already_returned', patterns: [[/\b(sent (it |them )?back|returned|devolvi|renvoye|zuruckgeschickt|devolvi|retourne)\b.*\b(still (got |get |being |been )?(charged|billed)|charged|billed|cobraron|cobrado|facture|preleve|berechnet|abgebucht|cobrad\w*)\b|\b(charged|billed|cobraron|facture|berechnet|cobrad\w*)\b.*\b(returned|sent back|devolvi|renvoye|zuruckgeschickt)\b/, 3.5]] },
  { subflow: 'mistimed_billing_never_bought', patterns: [[/\b(charged|billed|cobraron|facture|berechnet|abgebucht|cobrad\w*)\b.*\b(never (bought|ordered)|didn.?t (buy|order)|nunca compre|jamais achete|nie gekauft|nunca comprei)\b/, 3.5]] },
  // subscription_inquiry
  { subflow: 'status_due_amount', patterns: [[/\b(how much|what amount)\b.*\b(subscription|plan|annual|membership fee|left to pay|still (have|owe))\b|\b(subscription|annual plan)\b.*\bhow much\b/, 3], [/\b(how much|cuanto|combien|wie viel|quanto)\b.*\b(owe|due|debo|dois|schulde|devo)\b|\b(subscription|suscripcion|abonnement|abo|assinatura)\b.*\b(owe|amount|balance|due|monto|montant|betrag|valor)\b/, 3]] },
  { subflow: 'status_due_date', patterns: [[/\b(when|cuando|quand|wann|quando)\b.*\b(due|pay|bill|payment|vence|pagar|paiement|fallig|zahlen|vencimento|pagamento)\b.*\b(subscription|suscripcion|abonnement|abo|assinatura|bill|factura|facture|rechnung|fatura)?\b/, 2]] },
  { subflow: 'status_active', patterns: [[/\b(subscription|membership)\b.*\bstatus\b|\bstatus of (my|the) (subscription|membership)\b/, 2.5], [/\b(subscription|membership|suscripcion|abonnement|mitgliedschaft|abo|assinatura)\b.*\b(active|still active|activa|actif|aktiv|ativa)\b/, 3]] },
  { subflow: 'manage_pay_bill', patterns: [[/\b(pay (my|the) (bill|subscription)|pagar (mi|la) (factura|suscripcion)|payer (ma|la) facture|rechnung bezahlen|pagar (minha|a) fatura)\b/, 3]] },
  { subflow: 'manage_extension', patterns: [[/\b(extension|extend|more time|late (payment|fee)|prorroga|mas tiempo|prolongation|plus de temps|verlangerung|mehr zeit|prorrogacao|mais tempo)\b/, 2.5]] },
  { subflow: 'manage_dispute_bill', patterns: [[/\b(charged|billed|charge|debited)\b.*\b(twice|two times|double)\b|\b(twice|two times|double)\b.*\b(charged|billed|debited)\b/, 3], [/\b(dispute|wrong amount|overcharged|incorrect bill|disputar|cobro incorrecto|contester|montant incorrect|falscher betrag|zu viel berechnet|contestar|valor errado)\b/, 3]] },
  // troubleshoot_site
  { subflow: 'shopping_cart', patterns: [[/\b(cart|basket|carrito|panier|warenkorb|carrinho)\b/, 3]] },
  { subflow: 'credit_card', patterns: [[/\b(card|tarjeta|carte|karte|cartao)\b.*\b(declined|rejected|not (working|accepted|going through)|won.?t (go|work)|rechazad\w*|no (pasa|funciona)|refusee?|ne passe pas|abgelehnt|funktioniert nicht|recusad\w*|nao passa)\b/, 3]] },
  { subflow: 'search_results', patterns: [[/\b(search (results|bar|isn.?t|doesn.?t)|can.?t find (anything|it) (on|in) the (site|search)|busqueda|recherche|suche|pesquisa|busca)\b/, 2.5]] },
  { subflow: 'slow_speed', patterns: [[/\b(slow|loading|takes forever|lento|lenta|carga|lent|chargement|langsam|ladt|carregando|demora)\b.*\b(site|website|page|pagina|seite|app)?\b/, 2]] },
  // single_item_query / storewide_query (FAQ)
  { subflow: 'boots', patterns: [[/\b(boots?|botas|bottes|stiefel|botas)\b/, 2], [new RegExp(`${returnWord}|${refundWord}|\\b(wrong|broken|damaged|missing|stain\\w*|defect\\w*|mancha\\w*|tache\\w*|kaputt|defeito|too (big|small|large|tight)|pequen\\w*|apretad\\w*|zu (gross|klein|eng)|trop (grand|petit)e?|colou?r|couleur|farbe|fleck\\w*)\\b`), -2]] },
  { subflow: 'shirt', patterns: [[/\b(shirts?|camisas?|chemises?|hemd|hemden|camisetas?)\b/, 1.8], [new RegExp(`${returnWord}|${refundWord}|\\b(wrong|broken|damaged|missing|stain\\w*|defect\\w*|mancha\\w*|tache\\w*|kaputt|defeito|too (big|small|large|tight)|pequen\\w*|apretad\\w*|zu (gross|klein|eng)|trop (grand|petit)e?|colou?r|couleur|farbe|fleck\\w*)\\b`), -2]] },
  { subflow: 'jeans', patterns: [[/\b(jeans|vaqueros|pantalones|jean|jeanshose)\b/, 1.8], [new RegExp(`${returnWord}|${refundWord}|\\b(wrong|broken|damaged|missing|stain\\w*|defect\\w*|mancha\\w*|tache\\w*|kaputt|defeito|too (big|small|large|tight)|pequen\\w*|apretad\\w*|zu (gross|klein|eng)|trop (grand|petit)e?|colou?r|couleur|farbe|fleck\\w*)\\b`), -2]] },
  { subflow: 'jacket', patterns: [[/\b(jackets?|chaquetas?|vestes?|blousons?|jacken?|jaquetas?|casacos?)\b/, 1.8], [new RegExp(`${returnWord}|${refundWord}|\\b(wrong|broken|damaged|missing|stain\\w*|defect\\w*|mancha\\w*|tache\\w*|kaputt|defeito|too (big|small|large|tight)|pequen\\w*|apretad\\w*|zu (gross|klein|eng)|trop (grand|petit)e?|colou?r|couleur|farbe|fleck\\w*)\\b`), -2]] },
  { subflow: 'pricing', patterns: [[/\b(how much (do you charge|is|does|for)|cost of|price of|gift wrap\w*|stitch\w*|cuanto cuesta|cuanto cobran|combien coute|wie viel kostet|quanto custa|envolver para regalo|emballage cadeau|geschenkverpackung|embrulho)\b/, 2.5]] },
  { subflow: 'membership', patterns: [[/\b(membership|member|gold|silver|bronze|membresia|miembro|adhesion|membre|mitgliedschaft|mitglied|associacao|membro)\b.*\b(level|benefit\w*|perk\w*|qualify|get|become|nivel|beneficio\w*|niveau|avantage\w*|stufe|vorteil\w*|vantage\w*)\b|\b(benefit\w*|perk\w*|beneficio\w*|avantage\w*|vorteil\w*|vantage\w*)\b.*\b(membership|member|gold|silver|bronze|membresia|miembro|membre|mitglied\w*|membro)\b/, 2.5]] },
  { subflow: 'timing', patterns: [[/\b(when|how long|until when|cuando|hasta cuando|quand|jusqu.?a quand|wann|wie lange|bis wann|quando|ate quando)\b.*\b(expire\w*|last|valid|caduca\w*|vence\w*|gultig|ablauf\w*|laufen .* ab|expira\w*|valide)\b/, 4], [/\b(when (does|do|will|is)|what time|how long until|cuando (empieza|es|abre|sale|termina)|quand (commence|est|ouvre|sort)|wann (beginnt|ist|offnet|kommt)|quando (comeca|e|abre|sai))\b.*\b(sale|sales|collection|open|close|start|rebaja\w*|coleccion|soldes|collection|ausverkauf|kollektion|promocao|colecao|liquidacao|season|temporada|saison)\b/, 3]] },
  { subflow: 'policy', patterns: [[/\b(how long|how many days|until when)\b.*\b(to return|return (it|an item|items|something)|to send (it )?back)\b|\b(question|questions)\b.*\b(returns|refunds|return policy)\b/, 3], [/\b(return policy|refund policy|exchange policy|policy on|politica de (devolucion|reembolso)|politique de (retour|remboursement)|ruckgaberecht|ruckgabebedingungen|politica de (devolucao|troca))\b/, 3]] },
];

/** General intents (the 27) that stand for one of the subflows when no keyword matched. */
export const intentSubflows: Record<string, string> = {
  get_refund: 'refund_initiate',
  track_refund: 'refund_status',
  check_refund_policy: 'policy',
  cancel_order: 'manage_cancel',
  change_order: 'manage_upgrade',
  place_order: 'manage_create',
  track_order: 'status',
  delivery_period: 'status_delivery_time',
  change_shipping_address: 'manage',
  set_up_shipping_address: 'manage_change_address',
  recover_password: 'recover_password',
  check_payment_methods: 'manage_payment_method',
  edit_account: 'manage_change_name',
  check_invoice: 'status_due_amount',
  get_invoice: 'status_due_amount',
};
