/**
 * The membership tiers keep their names (Gold, Silver, Bronze, Guest) in every language, as the help centre
 * and the customers themselves write them.
 *
 * The short sentences a draft may use besides help-centre text: one per move, in every language the
 * demo supports. They are written to the customer ("you"), never about them, and carry no step names.
 * `{x}` is filled by `fill`; a missing value leaves the sentence out rather than a hole in it.
 */
export const draftLanguages = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type DraftLanguage = (typeof draftLanguages)[number];

export type TemplateKey =
  | 'greet'
  | 'greetNamed'
  | 'howCanIHelp'
  | 'sorryProblem'
  | 'thanksNamed'
  | 'thanks'
  | 'askNameOrAccount'
  | 'askValidate'
  | 'askVerify'
  | 'askSecondIdentifier'
  | 'askMembership'
  | 'askPurchaseDate'
  | 'askReason'
  | 'askWhichItem'
  | 'askAddress'
  | 'askRefundMethod'
  | 'askReturnMethod'
  | 'askAmount'
  | 'askPhone'
  | 'askConfirmAddress'
  | 'askNewAddress'
  | 'askNewPhone'
  | 'askNewName'
  | 'askNewDeliveryTime'
  | 'askNewPaymentMethod'
  | 'askSecurity'
  | 'askClarify'
  | 'askStepResult'
  | 'uncertain'
  | 'tierAlways'
  | 'tierWindow'
  | 'guestWindow'
  | 'withinWindow'
  | 'outsideWindow'
  | 'outsideOffer'
  | 'receiptAllows'
  | 'packagingAllows'
  | 'orderStatus'
  | 'toolSaid'
  | 'refundDone'
  | 'refundOffer'
  | 'refundStatus'
  | 'ticketDone'
  | 'ticketOffer'
  | 'escalateOffer'
  | 'escalateDone'
  | 'preferencesDone'
  | 'lookingIntoIt'
  | 'anythingElse'
  | 'sorryCannotMore'
  | 'feeRemoved'
  | 'feeStays'
  | 'creditNowGold'
  | 'youreWelcome'
  | 'goodbye'
  | 'and'
  | 'idName'
  | 'idAccount'
  | 'idUsername'
  | 'idEmail'
  | 'idOrder'
  | 'idZip'
  | 'or'
  | 'idPhone'
  | 'tierGold'
  | 'tierSilver'
  | 'tierBronze'
  | 'tierGuest'
  | 'window6m'
  | 'window90d'
  | 'window30d'
  | 'methodCard'
  | 'methodCredit'
  | 'methodGift'
  | 'methodCheck'
  | 'days5to10'
  | 'topicAccountAccess'
  | 'topicManageAccount'
  | 'topicOrder'
  | 'topicReturn'
  | 'topicCharge'
  | 'topicShipping'
  | 'topicProduct'
  | 'topicPolicy'
  | 'topicSubscription'
  | 'topicSite';

type Table = Record<TemplateKey, string>;

const en: Table = {
  greet: 'Hello, thank you for contacting AcmeBrands.',
  greetNamed: 'Hello {name}, thank you for contacting AcmeBrands.',
  howCanIHelp: 'How can I help you today?',
  sorryProblem: "I'm sorry about that, I can help with this.",
  thanksNamed: 'Thank you, {name}.',
  thanks: 'Thank you.',
  askNameOrAccount: 'Could I get your full name or account ID?',
  askValidate: 'Could you give me your {ids} to validate the purchase?',
  askVerify: 'Could you give me your {ids} so I can verify your identity?',
  askSecondIdentifier: 'To find your account, could you also give me your {ids}?',
  askMembership: 'What is your membership level: guest, bronze, silver or gold?',
  askPurchaseDate: 'And when did you make the purchase?',
  askReason: 'Could you tell me what went wrong with the item?',
  askWhichItem: 'Which item is it exactly?',
  askAddress: 'Could you give me your full address?',
  askRefundMethod: 'How would you like the refund: back to your credit card, as store credit, a gift card or a paper check?',
  askReturnMethod: 'Would you like to return it by mail, in store or at a drop-off center?',
  askAmount: 'How much was the item?',
  askPhone: 'Could I get a phone number where the manager can reach you?',
  askConfirmAddress: 'Can you confirm your address is still {address}?',
  askNewAddress: 'What is the new address?',
  askNewPhone: 'What is the new phone number?',
  askNewName: 'What name should the account show? Please write it exactly as it should appear.',
  askNewDeliveryTime: 'What day or time would suit you better for the delivery?',
  askNewPaymentMethod: 'Which payment method would you like to use instead (card, PayPal or gift card)?',
  askSecurity: 'Could you give me your PIN or the answer to your security question?',
  askClarify: 'Could you tell me a little more about what you need?',
  askStepResult: 'Could you let me know if that helps?',
  uncertain: 'Just to be sure I understand: is this about {label}?',
  tierAlways: 'As a gold member, you can return items at any time.',
  tierWindow: 'As a {tier} member, you can return items within {window} of purchase.',
  guestWindow: 'As a guest, you can return items within 30 days of purchase.',
  withinWindow: "Your purchase is within that window, so you're covered.",
  outsideWindow: "I'm sorry, your purchase from {date} is outside that window, so I can't offer a return on it.",
  outsideOffer: 'If you still have the receipt or the original packaging, I can take another look.',
  receiptAllows: 'Since you still have the receipt, you can return it.',
  packagingAllows: 'Since it is still in its original packaging, you can return it.',
  orderStatus: 'Your order {order} is {status}.',
  toolSaid: 'The latest update on your order: {status}.',
  refundDone: "I've issued a refund of {amount} {method}; it shows within {days}.",
  refundOffer: 'I can refund {amount} {method}. Shall I go ahead?',
  refundStatus: 'Your refund is being processed; it shows within {days} of being issued.',
  ticketDone: "Done, I've made that change for you.",
  ticketOffer: 'I can make that change for you now.',
  escalateOffer: "I'm sorry about this. I'll pass your case to a manager right away.",
  escalateDone: "I've passed your case to a manager, who will get back to you shortly.",
  preferencesDone: "Done, I've updated how we contact you.",
  lookingIntoIt: "I'm looking into this for you now.",
  anythingElse: 'Is there anything else I can help you with?',
  sorryCannotMore: "I understand, and I'm sorry I can't do more on this one.",
  feeRemoved: 'As a {tier} member, we remove the extra fee from your order.',
  feeStays: 'For {tier} members, a fee that was charged correctly stays on the order; if it was our mistake, we remove it.',
  creditNowGold: 'As a gold member, we will give you the credit now, even if the usual waiting time has not passed.',
  youreWelcome: "You're welcome!",
  goodbye: 'Have a wonderful day, and thank you for choosing AcmeBrands!',
  and: 'and',
  idName: 'full name',
  idAccount: 'account ID',
  idUsername: 'username',
  idEmail: 'email address',
  idOrder: 'order ID',
  idZip: 'zip code',
  or: 'or',
  idPhone: 'phone number',
  tierGold: 'gold',
  tierSilver: 'silver',
  tierBronze: 'bronze',
  tierGuest: 'guest',
  window6m: '6 months',
  window90d: '90 days',
  window30d: '30 days',
  methodCard: 'to your credit card',
  methodCredit: 'as store credit on your account',
  methodGift: 'on a gift card',
  methodCheck: 'by paper check',
  days5to10: '5–10 business days',
  topicAccountAccess: 'access to your account',
  topicManageAccount: 'a change to your account',
  topicOrder: 'your order',
  topicReturn: 'a return or a refund',
  topicCharge: 'a charge on your order',
  topicShipping: 'the delivery of your order',
  topicProduct: 'one of our products',
  topicPolicy: 'our store policies',
  topicSubscription: 'your subscription',
  topicSite: 'a problem with our website',
};

const es: Table = {
  greet: 'Hola, gracias por contactar con AcmeBrands.',
  greetNamed: 'Hola {name}, gracias por contactar con AcmeBrands.',
  howCanIHelp: '¿En qué puedo ayudarle hoy?',
  sorryProblem: 'Lamento lo ocurrido, le ayudo con esto.',
  thanksNamed: 'Gracias, {name}.',
  thanks: 'Gracias.',
  askNameOrAccount: '¿Me dice su nombre completo o su ID de cuenta?',
  askValidate: '¿Me da {ids} para validar la compra?',
  askVerify: '¿Me da {ids} para verificar su identidad?',
  askSecondIdentifier: 'Para encontrar su cuenta, ¿me da también {ids}?',
  askMembership: '¿Qué nivel de membresía tiene: Guest, Bronze, Silver o Gold?',
  askPurchaseDate: '¿Y cuándo hizo la compra?',
  askReason: '¿Me cuenta qué problema tiene el artículo?',
  askWhichItem: '¿De qué artículo se trata exactamente?',
  askAddress: '¿Me da su dirección completa?',
  askRefundMethod: '¿Cómo prefiere el reembolso: en su tarjeta de crédito, como saldo en su cuenta, en una tarjeta regalo o con un cheque?',
  askReturnMethod: '¿Prefiere devolverlo por correo, en tienda o en un centro de entrega?',
  askAmount: '¿Cuánto costó el artículo?',
  askPhone: '¿Me da un número de teléfono para que el responsable pueda llamarle?',
  askConfirmAddress: '¿Me confirma que su dirección sigue siendo {address}?',
  askNewAddress: '¿Cuál es la nueva dirección?',
  askNewPhone: '¿Cuál es el nuevo número de teléfono?',
  askNewName: '¿Cómo debe quedar escrito ahora en la cuenta? Indíquemelo exactamente como debe aparecer, por favor.',
  askNewDeliveryTime: '¿Qué día u horario le vendría mejor para la entrega?',
  askNewPaymentMethod: '¿Qué método de pago prefiere usar en su lugar (tarjeta, PayPal o tarjeta regalo)?',
  askSecurity: '¿Me da su PIN o la respuesta a su pregunta de seguridad?',
  askClarify: '¿Me cuenta un poco más sobre lo que necesita?',
  askStepResult: '¿Me dice si así mejora?',
  uncertain: 'Para asegurarme de que le entiendo: ¿su consulta es sobre {label}?',
  tierAlways: 'Como miembro Gold, puede devolver artículos en cualquier momento.',
  tierWindow: 'Como miembro {tier}, puede devolver artículos en un plazo de {window} desde la compra.',
  guestWindow: 'Si compra como invitado, puede devolver artículos en un plazo de 30 días desde la compra.',
  withinWindow: 'Su compra está dentro de ese plazo, así que no hay problema.',
  outsideWindow: 'Lo siento, su compra del {date} está fuera de ese plazo, así que no puedo ofrecerle la devolución.',
  outsideOffer: 'Si aún tiene el recibo o el embalaje original, puedo revisarlo de nuevo.',
  receiptAllows: 'Como conserva el recibo, puede devolverlo sin problema.',
  packagingAllows: 'Como sigue en su embalaje original, puede devolverlo sin problema.',
  orderStatus: 'Su pedido {order} está {status}.',
  toolSaid: 'La última actualización de su pedido: {status}.',
  refundDone: 'He tramitado un reembolso de {amount} {method}; lo verá reflejado en un plazo de {days}.',
  refundOffer: 'Puedo reembolsarle {amount} {method}. ¿Quiere que lo tramite?',
  refundStatus: 'Su reembolso se está procesando; lo verá reflejado en un plazo de {days} desde su emisión.',
  ticketDone: 'Listo, ya he hecho el cambio.',
  ticketOffer: 'Puedo hacer ese cambio ahora mismo.',
  escalateOffer: 'Lamento mucho lo ocurrido. Paso su caso a un responsable ahora mismo.',
  escalateDone: 'He pasado su caso a un responsable, que se pondrá en contacto con usted en breve.',
  preferencesDone: 'Listo, he actualizado cómo nos ponemos en contacto con usted.',
  lookingIntoIt: 'Ahora mismo reviso su caso para darle una respuesta.',
  anythingElse: '¿Hay algo más en lo que pueda ayudarle?',
  sorryCannotMore: 'Lo entiendo, y siento no poder hacer más en este caso.',
  feeRemoved: 'Como miembro {tier}, le quitamos el cargo adicional de su pedido.',
  feeStays: 'Para los miembros {tier}, un cargo cobrado correctamente se mantiene en el pedido; si fue un error nuestro, lo quitamos.',
  creditNowGold: 'Como miembro Gold, le damos el crédito ahora mismo, aunque no haya pasado el plazo habitual.',
  youreWelcome: '¡De nada!',
  goodbye: '¡Que tenga un buen día, y gracias por elegir AcmeBrands!',
  and: 'y',
  idName: 'su nombre completo',
  idAccount: 'su ID de cuenta',
  idUsername: 'su nombre de usuario',
  idEmail: 'su correo electrónico',
  idOrder: 'su número de pedido',
  idZip: 'su código postal',
  or: 'o',
  idPhone: 'su número de teléfono',
  tierGold: 'Gold',
  tierSilver: 'Silver',
  tierBronze: 'Bronze',
  tierGuest: 'Guest',
  window6m: '6 meses',
  window90d: '90 días',
  window30d: '30 días',
  methodCard: 'en su tarjeta de crédito',
  methodCredit: 'como saldo en su cuenta',
  methodGift: 'en una tarjeta regalo',
  methodCheck: 'con un cheque',
  days5to10: '5 a 10 días hábiles',
  topicAccountAccess: 'el acceso a su cuenta',
  topicManageAccount: 'un cambio en su cuenta',
  topicOrder: 'su pedido',
  topicReturn: 'una devolución o un reembolso',
  topicCharge: 'un cargo en su pedido',
  topicShipping: 'la entrega de su pedido',
  topicProduct: 'uno de nuestros productos',
  topicPolicy: 'las condiciones de nuestra tienda',
  topicSubscription: 'su suscripción',
  topicSite: 'un problema con nuestra web',
};

const fr: Table = {
  greet: "Bonjour, merci d'avoir contacté AcmeBrands.",
  greetNamed: "Bonjour {name}, merci d'avoir contacté AcmeBrands.",
  howCanIHelp: "Comment puis-je vous aider aujourd'hui ?",
  sorryProblem: "Je suis désolé pour ce souci, je vais vous aider.",
  thanksNamed: 'Merci, {name}.',
  thanks: 'Merci.',
  askNameOrAccount: 'Pourriez-vous me donner votre nom complet ou votre identifiant de compte ?',
  askValidate: "Pourriez-vous me donner {ids} pour valider l'achat ?",
  askVerify: 'Pourriez-vous me donner {ids} pour vérifier votre identité ?',
  askSecondIdentifier: 'Pour retrouver votre compte, pourriez-vous aussi me donner {ids} ?',
  askMembership: "Quel est votre niveau d'adhésion : Guest, Bronze, Silver ou Gold ?",
  askPurchaseDate: "Et quand avez-vous fait l'achat ?",
  askReason: "Pourriez-vous me dire quel est le problème avec l'article ?",
  askWhichItem: "De quel article s'agit-il exactement ?",
  askAddress: 'Pourriez-vous me donner votre adresse complète ?',
  askRefundMethod: 'Comment souhaitez-vous être remboursé : sur votre carte bancaire, en avoir sur votre compte, par carte cadeau ou par chèque ?',
  askReturnMethod: 'Souhaitez-vous le retourner par la poste, en magasin ou dans un point de dépôt ?',
  askAmount: "Combien coûtait l'article ?",
  askPhone: 'Pourriez-vous me donner un numéro de téléphone où le responsable peut vous joindre ?',
  askConfirmAddress: "Pouvez-vous confirmer que votre adresse est toujours {address} ?",
  askNewAddress: 'Quelle est la nouvelle adresse ?',
  askNewPhone: 'Quel est le nouveau numéro de téléphone ?',
  askNewName: 'Quel nom doit figurer sur le compte ? Écrivez-le exactement comme il doit apparaître, s’il vous plaît.',
  askNewDeliveryTime: 'Quel jour ou quel créneau vous conviendrait mieux pour la livraison ?',
  askNewPaymentMethod: 'Quel moyen de paiement souhaitez-vous utiliser à la place (carte, PayPal ou carte cadeau) ?',
  askSecurity: 'Pourriez-vous me donner votre code PIN ou la réponse à votre question de sécurité ?',
  askClarify: "Pourriez-vous m'en dire un peu plus sur ce dont vous avez besoin ?",
  askStepResult: 'Pouvez-vous me dire si cela aide ?',
  uncertain: 'Pour être sûr de bien comprendre : votre demande concerne {label} ?',
  tierAlways: 'En tant que membre Gold, vous pouvez retourner vos articles à tout moment.',
  tierWindow: "En tant que membre {tier}, vous pouvez retourner vos articles dans les {window} suivant l'achat.",
  guestWindow: "En tant qu'invité, vous pouvez retourner vos articles dans les 30 jours suivant l'achat.",
  withinWindow: 'Votre achat est dans ce délai, donc tout est en ordre.',
  outsideWindow: "Je suis désolé, votre achat du {date} est hors de ce délai, je ne peux donc pas proposer de retour.",
  outsideOffer: "Si vous avez encore le reçu ou l'emballage d'origine, je peux regarder à nouveau.",
  receiptAllows: 'Comme vous avez encore le reçu, vous pouvez le retourner.',
  packagingAllows: "Comme l'article est encore dans son emballage d'origine, vous pouvez le retourner.",
  orderStatus: 'Votre commande {order} est {status}.',
  toolSaid: 'Dernière mise à jour de votre commande : {status}.',
  refundDone: "J'ai effectué un remboursement de {amount} {method} ; il apparaîtra sous {days}.",
  refundOffer: 'Je peux vous rembourser {amount} {method}. Souhaitez-vous que je le fasse ?',
  refundStatus: 'Votre remboursement est en cours ; il apparaîtra sous {days} après son émission.',
  ticketDone: "C'est fait, j'ai effectué la modification.",
  ticketOffer: 'Je peux faire cette modification pour vous maintenant.',
  escalateOffer: 'Je suis vraiment désolé. Je transmets votre dossier à un responsable tout de suite.',
  escalateDone: "J'ai transmis votre dossier à un responsable, qui vous recontactera rapidement.",
  preferencesDone: "C'est fait, j'ai mis à jour la façon dont nous vous contactons.",
  lookingIntoIt: "Je regarde votre dossier tout de suite pour vous répondre.",
  anythingElse: 'Puis-je vous aider pour autre chose ?',
  sorryCannotMore: "Je comprends, et je suis désolé de ne pas pouvoir faire plus cette fois-ci.",
  feeRemoved: 'En tant que membre {tier}, nous retirons les frais supplémentaires de votre commande.',
  feeStays: "Pour les membres {tier}, des frais facturés correctement restent sur la commande ; s'il s'agit d'une erreur de notre part, nous les retirons.",
  creditNowGold: "En tant que membre Gold, vous recevez le crédit dès maintenant, même si le délai habituel n'est pas écoulé.",
  youreWelcome: 'Avec plaisir !',
  goodbye: "Très bonne journée, et merci d'avoir choisi AcmeBrands !",
  and: 'et',
  idName: 'votre nom complet',
  idAccount: 'votre identifiant de compte',
  idUsername: "votre nom d'utilisateur",
  idEmail: 'votre adresse e-mail',
  idOrder: 'votre numéro de commande',
  idZip: 'votre code postal',
  or: 'ou',
  idPhone: 'votre numéro de téléphone',
  tierGold: 'Gold',
  tierSilver: 'Silver',
  tierBronze: 'Bronze',
  tierGuest: 'Guest',
  window6m: '6 mois',
  window90d: '90 jours',
  window30d: '30 jours',
  methodCard: 'sur votre carte bancaire',
  methodCredit: 'en avoir sur votre compte',
  methodGift: 'sur une carte cadeau',
  methodCheck: 'par chèque',
  days5to10: '5 à 10 jours ouvrés',
  topicAccountAccess: "l'accès à votre compte",
  topicManageAccount: 'une modification de votre compte',
  topicOrder: 'votre commande',
  topicReturn: 'un retour ou un remboursement',
  topicCharge: 'un montant facturé sur votre commande',
  topicShipping: 'la livraison de votre commande',
  topicProduct: "l'un de nos produits",
  topicPolicy: 'les conditions de notre boutique',
  topicSubscription: 'votre abonnement',
  topicSite: 'un problème sur notre site',
};

const de: Table = {
  greet: 'Hallo, danke, dass Sie sich an AcmeBrands wenden.',
  greetNamed: 'Hallo {name}, danke, dass Sie sich an AcmeBrands wenden.',
  howCanIHelp: 'Wie kann ich Ihnen heute helfen?',
  sorryProblem: 'Das tut mir leid, ich helfe Ihnen gerne dabei.',
  thanksNamed: 'Danke, {name}.',
  thanks: 'Danke.',
  askNameOrAccount: 'Können Sie mir bitte Ihren vollständigen Namen oder Ihre Kundennummer nennen?',
  askValidate: 'Können Sie mir bitte {ids} nennen, damit ich den Kauf prüfen kann?',
  askVerify: 'Können Sie mir bitte {ids} nennen, damit ich Ihre Identität bestätigen kann?',
  askSecondIdentifier: 'Können Sie mir bitte auch {ids} nennen, damit ich Ihr Konto finde?',
  askMembership: 'Welche Mitgliedsstufe haben Sie: Guest, Bronze, Silver oder Gold?',
  askPurchaseDate: 'Und wann haben Sie den Kauf getätigt?',
  askReason: 'Können Sie mir sagen, was mit dem Artikel nicht stimmt?',
  askWhichItem: 'Um welchen Artikel geht es genau?',
  askAddress: 'Können Sie mir bitte Ihre vollständige Adresse nennen?',
  askRefundMethod: 'Wie möchten Sie die Erstattung erhalten: auf Ihre Kreditkarte, als Guthaben auf Ihrem Konto, als Geschenkkarte oder per Scheck?',
  askReturnMethod: 'Möchten Sie den Artikel per Post, im Geschäft oder an einer Abgabestelle zurückgeben?',
  askAmount: 'Wie viel hat der Artikel gekostet?',
  askPhone: 'Unter welcher Telefonnummer kann der Vorgesetzte Sie erreichen?',
  askConfirmAddress: 'Können Sie bestätigen, dass Ihre Adresse noch {address} ist?',
  askNewAddress: 'Wie lautet die neue Adresse?',
  askNewPhone: 'Wie lautet die neue Telefonnummer?',
  askNewName: 'Welcher Name soll im Konto stehen? Bitte schreiben Sie ihn genau so, wie er erscheinen soll.',
  askNewDeliveryTime: 'Welcher Tag oder welche Uhrzeit passt Ihnen für die Lieferung besser?',
  askNewPaymentMethod: 'Welche Zahlungsart möchten Sie stattdessen verwenden (Karte, PayPal oder Geschenkkarte)?',
  askSecurity: 'Können Sie mir bitte Ihre PIN oder die Antwort auf Ihre Sicherheitsfrage nennen?',
  askClarify: 'Können Sie mir etwas mehr darüber sagen, was Sie brauchen?',
  askStepResult: 'Können Sie mir sagen, ob das hilft?',
  uncertain: 'Nur um sicherzugehen: Geht es um {label}?',
  tierAlways: 'Als Gold-Mitglied können Sie Artikel jederzeit zurückgeben.',
  tierWindow: 'Als {tier}-Mitglied können Sie Artikel innerhalb von {window} nach dem Kauf zurückgeben.',
  guestWindow: 'Als Gast können Sie Artikel innerhalb von 30 Tagen nach dem Kauf zurückgeben.',
  withinWindow: 'Ihr Kauf liegt innerhalb dieser Frist, also ist alles in Ordnung.',
  outsideWindow: 'Es tut mir leid, Ihr Kauf vom {date} liegt außerhalb dieser Frist, daher kann ich keine Rückgabe anbieten.',
  outsideOffer: 'Wenn Sie noch den Beleg oder die Originalverpackung haben, schaue ich es mir gerne noch einmal an.',
  receiptAllows: 'Da Sie den Beleg noch haben, können Sie den Artikel zurückgeben.',
  packagingAllows: 'Da der Artikel noch in der Originalverpackung ist, können Sie ihn zurückgeben.',
  orderStatus: 'Ihre Bestellung {order} ist {status}.',
  toolSaid: 'Der aktuelle Stand Ihrer Bestellung: {status}.',
  refundDone: 'Ich habe eine Erstattung von {amount} {method} veranlasst; sie erscheint innerhalb von {days}.',
  refundOffer: 'Ich kann Ihnen {amount} {method} erstatten. Soll ich das veranlassen?',
  refundStatus: 'Ihre Erstattung wird bearbeitet; sie erscheint innerhalb von {days} nach der Ausstellung.',
  ticketDone: 'Erledigt, ich habe die Änderung vorgenommen.',
  ticketOffer: 'Ich kann diese Änderung jetzt für Sie vornehmen.',
  escalateOffer: 'Das tut mir sehr leid. Ich gebe Ihren Fall sofort an einen Vorgesetzten weiter.',
  escalateDone: 'Ich habe Ihren Fall an einen Vorgesetzten weitergegeben, der sich in Kürze bei Ihnen meldet.',
  preferencesDone: 'Erledigt, ich habe Ihre Kontakteinstellungen aktualisiert.',
  lookingIntoIt: 'Ich sehe mir Ihren Fall sofort an und melde mich mit einer Antwort.',
  anythingElse: 'Kann ich Ihnen sonst noch helfen?',
  sorryCannotMore: 'Ich verstehe das, und es tut mir leid, dass ich hier nicht mehr tun kann.',
  feeRemoved: 'Als {tier}-Mitglied nehmen wir die zusätzliche Gebühr von Ihrer Bestellung.',
  feeStays: 'Für {tier}-Mitglieder bleibt eine korrekt berechnete Gebühr auf der Bestellung; war es unser Fehler, nehmen wir sie zurück.',
  creditNowGold: 'Als Gold-Mitglied erhalten Sie die Gutschrift sofort, auch wenn die übliche Wartezeit noch nicht vorbei ist.',
  youreWelcome: 'Gern geschehen!',
  goodbye: 'Einen schönen Tag noch, und danke, dass Sie AcmeBrands gewählt haben!',
  and: 'und',
  idName: 'Ihren vollständigen Namen',
  idAccount: 'Ihre Kundennummer',
  idUsername: 'Ihren Benutzernamen',
  idEmail: 'Ihre E-Mail-Adresse',
  idOrder: 'Ihre Bestellnummer',
  idZip: 'Ihre Postleitzahl',
  or: 'oder',
  idPhone: 'Ihre Telefonnummer',
  tierGold: 'Gold',
  tierSilver: 'Silver',
  tierBronze: 'Bronze',
  tierGuest: 'Guest',
  window6m: '6 Monaten',
  window90d: '90 Tagen',
  window30d: '30 Tagen',
  methodCard: 'auf Ihre Kreditkarte',
  methodCredit: 'als Guthaben auf Ihrem Kundenkonto',
  methodGift: 'auf eine Geschenkkarte',
  methodCheck: 'per Scheck',
  days5to10: '5–10 Werktagen',
  topicAccountAccess: 'den Zugang zu Ihrem Konto',
  topicManageAccount: 'eine Änderung an Ihrem Konto',
  topicOrder: 'Ihre Bestellung',
  topicReturn: 'eine Rückgabe oder Erstattung',
  topicCharge: 'eine Abbuchung für Ihre Bestellung',
  topicShipping: 'die Lieferung Ihrer Bestellung',
  topicProduct: 'einen unserer Artikel',
  topicPolicy: 'die Bedingungen unseres Shops',
  topicSubscription: 'Ihr Abonnement',
  topicSite: 'ein Problem mit unserer Website',
};

const pt: Table = {
  greet: 'Olá, obrigado por entrar em contato com a AcmeBrands.',
  greetNamed: 'Olá {name}, obrigado por entrar em contato com a AcmeBrands.',
  howCanIHelp: 'Como posso ajudar você hoje?',
  sorryProblem: 'Sinto muito pelo problema, vou ajudar você com isso.',
  thanksNamed: 'Obrigado, {name}.',
  thanks: 'Obrigado.',
  askNameOrAccount: 'Pode me informar seu nome completo ou o ID da sua conta?',
  askValidate: 'Pode me informar {ids} para validar a compra?',
  askVerify: 'Pode me informar {ids} para eu verificar sua identidade?',
  askSecondIdentifier: 'Para encontrar sua conta, pode me informar também {ids}?',
  askMembership: 'Qual é o seu nível de associação: Guest, Bronze, Silver ou Gold?',
  askPurchaseDate: 'E quando você fez a compra?',
  askReason: 'Pode me dizer qual é o problema com o item?',
  askWhichItem: 'De qual item se trata exatamente?',
  askAddress: 'Pode me informar seu endereço completo?',
  askRefundMethod: 'Como prefere o reembolso: no seu cartão de crédito, como crédito na sua conta, em um cartão-presente ou por cheque?',
  askReturnMethod: 'Prefere devolver pelo correio, na loja ou em um ponto de entrega?',
  askAmount: 'Quanto custou o item?',
  askPhone: 'Pode me informar um número de telefone para o gerente entrar em contato?',
  askConfirmAddress: 'Pode confirmar que seu endereço ainda é {address}?',
  askNewAddress: 'Qual é o novo endereço?',
  askNewPhone: 'Qual é o novo número de telefone?',
  askNewName: 'Qual nome deve constar na conta? Escreva exatamente como deve aparecer, por favor.',
  askNewDeliveryTime: 'Qual dia ou horário seria melhor para a entrega?',
  askNewPaymentMethod: 'Qual forma de pagamento prefere usar (cartão, PayPal ou cartão-presente)?',
  askSecurity: 'Pode me informar seu PIN ou a resposta à sua pergunta de segurança?',
  askClarify: 'Pode me contar um pouco mais sobre o que você precisa?',
  askStepResult: 'Pode me dizer se isso ajuda?',
  uncertain: 'Só para ter certeza de que entendi: sua dúvida é sobre {label}?',
  tierAlways: 'Como membro Gold, você pode devolver itens a qualquer momento.',
  tierWindow: 'Como membro {tier}, você pode devolver itens em até {window} após a compra.',
  guestWindow: 'Como convidado, você pode devolver itens em até 30 dias após a compra.',
  withinWindow: 'Sua compra está dentro desse prazo, então está tudo certo.',
  outsideWindow: 'Sinto muito, sua compra de {date} está fora desse prazo, então não posso oferecer a devolução.',
  outsideOffer: 'Se você ainda tiver o recibo ou a embalagem original, posso verificar novamente.',
  receiptAllows: 'Como você ainda tem o recibo, pode devolvê-lo.',
  packagingAllows: 'Como ainda está na embalagem original, pode devolvê-lo.',
  orderStatus: 'Seu pedido {order} está {status}.',
  toolSaid: 'A atualização mais recente do seu pedido: {status}.',
  refundDone: 'Fiz o reembolso de {amount} {method}; ele aparece em até {days}.',
  refundOffer: 'Posso reembolsar {amount} {method}. Posso prosseguir?',
  refundStatus: 'Seu reembolso está sendo processado; ele aparece em {days} após a emissão.',
  ticketDone: 'Pronto, já fiz a alteração para você.',
  ticketOffer: 'Posso fazer essa alteração para você agora.',
  escalateOffer: 'Sinto muito por isso. Vou passar seu caso para um gerente agora mesmo.',
  escalateDone: 'Passei seu caso para um gerente, que vai entrar em contato em breve.',
  preferencesDone: 'Pronto, atualizei a forma como entramos em contato com você.',
  lookingIntoIt: 'Estou verificando o seu caso agora para lhe dar uma resposta.',
  anythingElse: 'Posso ajudar em mais alguma coisa?',
  sorryCannotMore: 'Eu entendo, e sinto muito não poder fazer mais neste caso.',
  feeRemoved: 'Como membro {tier}, retiramos a taxa extra do seu pedido.',
  feeStays: 'Para membros {tier}, uma taxa cobrada corretamente permanece no pedido; se foi um erro nosso, nós a retiramos.',
  creditNowGold: 'Como membro Gold, você recebe o crédito agora mesmo, mesmo que o prazo habitual ainda não tenha passado.',
  youreWelcome: 'De nada!',
  goodbye: 'Tenha um ótimo dia, e obrigado por escolher a AcmeBrands!',
  and: 'e',
  idName: 'seu nome completo',
  idAccount: 'o ID da sua conta',
  idUsername: 'seu nome de usuário',
  idEmail: 'seu e-mail',
  idOrder: 'o número do pedido',
  idZip: 'seu CEP',
  or: 'ou',
  idPhone: 'seu número de telefone',
  tierGold: 'Gold',
  tierSilver: 'Silver',
  tierBronze: 'Bronze',
  tierGuest: 'Guest',
  window6m: '6 meses',
  window90d: '90 dias',
  window30d: '30 dias',
  methodCard: 'no seu cartão de crédito',
  methodCredit: 'como crédito na sua conta',
  methodGift: 'em um cartão-presente',
  methodCheck: 'por cheque',
  days5to10: '5 a 10 dias úteis',
  topicAccountAccess: 'o acesso à sua conta',
  topicManageAccount: 'uma alteração na sua conta',
  topicOrder: 'o seu pedido',
  topicReturn: 'uma devolução ou um reembolso',
  topicCharge: 'uma cobrança no seu pedido',
  topicShipping: 'a entrega do seu pedido',
  topicProduct: 'um dos nossos produtos',
  topicPolicy: 'as condições da nossa loja',
  topicSubscription: 'a sua assinatura',
  topicSite: 'um problema no nosso site',
};

const tables: Record<DraftLanguage, Table> = { en, es, fr, de, pt };

export function isDraftLanguage(code: string): code is DraftLanguage {
  return (draftLanguages as readonly string[]).includes(code);
}

export function phrase(language: DraftLanguage, key: TemplateKey): string {
  return tables[language][key];
}

/** The template with its slots filled; undefined when a slot it needs has no value. */
export function fill(language: DraftLanguage, key: TemplateKey, values: Record<string, string | undefined> = {}): string | undefined {
  let missing = false;
  const text = tables[language][key].replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

/** "a, b and c" in the language. */
export function joinList(language: DraftLanguage, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${tables[language].and} ${items.at(-1) ?? ''}`;
}

/** "a, b or c" in the language: any one of them will do. */
export function joinAlternatives(language: DraftLanguage, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${tables[language].or} ${items.at(-1) ?? ''}`;
}

/** An order's status as the customer reads it: the CRM's and carriers' English words, in each language. */
const statusWords: Record<DraftLanguage, Record<string, string>> = {
  en: { processing: 'being processed', shipped: 'on its way', in_transit: 'on its way', out_for_delivery: 'out for delivery', delivered: 'delivered', cancelled: 'cancelled', returned: 'returned' },
  es: { processing: 'en preparación', shipped: 'en camino', in_transit: 'en camino', out_for_delivery: 'en reparto', delivered: 'entregado', cancelled: 'cancelado', returned: 'devuelto' },
  fr: { processing: 'en préparation', shipped: 'en route', in_transit: 'en route', out_for_delivery: 'en cours de livraison', delivered: 'livrée', cancelled: 'annulée', returned: 'retournée' },
  de: { processing: 'in Bearbeitung', shipped: 'unterwegs', in_transit: 'unterwegs', out_for_delivery: 'in der Zustellung', delivered: 'zugestellt', cancelled: 'storniert', returned: 'zurückgesendet' },
  pt: { processing: 'em preparação', shipped: 'a caminho', in_transit: 'a caminho', out_for_delivery: 'saiu para entrega', delivered: 'entregue', cancelled: 'cancelado', returned: 'devolvido' },
};

const statusPatterns: [RegExp, string][] = [
  [/\bout for delivery\b/i, 'out_for_delivery'],
  [/\bdelivered\b/i, 'delivered'],
  [/\b(in transit|on (its|the) way|shipped|dispatched)\b/i, 'in_transit'],
  [/\b(processing|being prepared|not (yet )?shipped)\b/i, 'processing'],
  [/\bcancel+ed\b/i, 'cancelled'],
  [/\breturned\b/i, 'returned'],
];

/** The status in the customer's language; undefined when the words are not a status we know (never English in another language). */
export function statusWord(language: DraftLanguage, status: string): string | undefined {
  const key = status.toLowerCase().replace(/[\s-]+/g, '_');
  const known = statusWords[language][key] ?? statusPatterns.find(([pattern]) => pattern.test(status))?.[1];
  return known ? (statusWords[language][known] ?? known) : language === 'en' ? status.replace(/_/g, ' ') : undefined;
}

const currencyLocales: Record<DraftLanguage, string> = { en: 'en-US', es: 'es-US', fr: 'fr-FR', de: 'de-DE', pt: 'pt-BR' };

/** A dollar amount written as the customer's language writes it ("$94.00", "94,00 $"). */
const dateLocales: Record<DraftLanguage, string> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE', pt: 'pt-BR' };

/** A day as the customer writes it ("2 juillet 2019", "2. Juli 2019"), not as the CRM stores it. */
export function formatDay(language: DraftLanguage, day: Date): string {
  return new Intl.DateTimeFormat(dateLocales[language], { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

export function formatMoney(language: DraftLanguage, amount: number): string {
  return new Intl.NumberFormat(currencyLocales[language], { style: 'currency', currency: 'USD', currencyDisplay: language === 'pt' ? 'symbol' : 'narrowSymbol' }).format(amount);
}
