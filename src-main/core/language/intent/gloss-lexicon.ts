/**
 * A customer-service glossary from Spanish, French, German and Portuguese to the English words the intent
 * model and the retailer's subflow words were written in. Not a translator: a line glossed word by word
 * ("¿dónde está mi paquete?" → "where is my package") carries the same concepts the English requests do,
 * which is all the classifier and the subflow patterns read.
 *
 * Entries are `foreign=english`, separated by `;`. A single foreign word is matched by its Snowball stem in
 * that language (so "reembolso", "reembolsen" and "reembolsado" meet), a phrase of several words by its
 * folded words. The English side may be several words, or empty (`=`: the word carries nothing).
 * Written from the retailer's domain (orders, returns, refunds, accounts, promo codes, subscriptions,
 * shipping), not from any conversation.
 */
export type GlossLanguage = 'es' | 'fr' | 'de' | 'pt';

export const glossEntries: Record<GlossLanguage, string> = {
  es: `
    cuanto tiempo=how long; pregunta=question; devoluciones=returns; 
    me quedan enormes=too big; me queda enorme=too big; me quedan grandes=too big; me queda grande=too big; me quedan pequenos=too small; me queda pequeno=too small; me queda chico=too small; no me queda bien=does not fit; no me quedan bien=does not fit; cintura=waist; 
    por donde va=where is; donde va=where is; donde anda=where is; decir=tell; podeis=can you; no funciona=does not work; no sirve=does not work; lunes=monday; martes=tuesday; miercoles=wednesday; jueves=thursday; viernes=friday; sabado=saturday; domingo=sunday; 
    uno=one; dos=two; tres=three; cuatro=four; cinco=five; seis=six; siete=seven; ocho=eight; diez=ten; quince=fifteen; veinte=twenty; enero=january; febrero=february; marzo=march; abril=april; mayo=may; junio=june; julio=july; agosto=august; septiembre=september; octubre=october; noviembre=november; diciembre=december; pedi=ordered; no consigo=can not; consigo=can; espero=waiting; esperando=waiting; mandaron=sent; mandado=sent; dice=says; este=this; esta semana=this week; este mes=this month; no puedo entrar=can not log in; no me deja entrar=can not log in; no puedo acceder=can not log in; no me deja=does not let me; sigue sin llegar=still not arrived; no ha llegado=has not arrived; no me ha llegado=has not arrived; hasta ahora=yet; 
    quiero=i want; quisiera=i would like; me gustaria=i would like; necesito=i need; tengo que=i need to; hay que=need to; puedo=can i; puede=can you;
    podria=could you; podrian=could you; pueden=can you; por favor=please; ayuda=help; ayudar=help; ayudarme=help me; ayudeme=help me;
    como va=what is the status of; que pasa con=what is the status of; que paso con=what is the status of; en que estado=what is the status of; estado=status;
    novedades=update on; alguna novedad=any update on; seguimiento=tracking; rastrear=track; rastreo=tracking; localizar=track;
    donde=where; cuando=when; como=how; por que=why; cuanto=how much; cuanta=how much; cuantos=how many; que=what; cual=which;
    todavia no=still not; aun no=still not; todavia=still; aun=still; ya=already; nunca=never; jamas=never; no=not; ni=nor;
    esta=is; es=is; estan=are; son=are; era=was; fue=was; ha=has; han=have; he=have; hemos=have; tiene=has; tengo=i have;
    mi=my; mis=my; me=me; mio=mine; su=your; sus=your; tu=your; yo=i; usted=you; ustedes=you; lo=it; la=the; el=the; los=the; las=the; un=a; una=a; unos=some; unas=some;
    de=of; del=of the; en=in; a=to; al=to the; para=for; por=for; con=with; sin=without; sobre=about; desde=since; hace=ago; y=and; o=or; pero=but; si=if; otro=another; otra=another;
    dinero=money; devuelvan el dinero=refund; devolver el dinero=refund; devolverme el dinero=refund; devuelvan mi dinero=refund; me devuelvan=refund; recuperar mi dinero=money back;
    reembolso=refund; reembolsar=refund; reembolsen=refund; devolucion del dinero=refund; devolucion=return; devolver=return; devuelvo=return; devolvi=returned; devuelto=returned; cambio=exchange;
    reintegro=refund; abono=refund; pedido=order; orden=order; compra=purchase; compre=bought; comprado=bought; comprar=buy; encargue=ordered;
    paquete=package; envio=shipping; enviar=send; enviado=shipped; entrega=delivery; entregar=deliver; entregado=delivered; repartidor=courier; transportista=courier;
    llegado=arrived; llego=arrived; llega=arrives; llegar=arrive; llegue=arrive; recibido=received; recibi=received; recibir=receive;
    direccion=address; domicilio=address; direccion de envio=shipping address; direccion de entrega=delivery address; mudado=moved; mude=moved; mudanza=moved; nueva=new; nuevo=new; antigua=old; vieja=old; equivocada=wrong; equivocado=wrong; incorrecta=wrong; incorrecto=wrong;
    cambiar=change; modificar=change; actualizar=update; corregir=correct; cancelar=cancel; cancelado=canceled; anular=cancel; borrar=delete; eliminar=remove; anadir=add; agregar=add;
    cuenta=account; perfil=profile; iniciar sesion=log in; inicio de sesion=log in; entrar=log in; acceder=log in; acceso=access; contrasena=password; clave=password; usuario=username; nombre de usuario=username;
    correo=email; correo electronico=email; email=email; bloqueada=locked; bloqueado=locked; olvide=forgot; olvidado=forgot; restablecer=reset; recuperar=recover;
    codigo de verificacion=verification code; verificacion en dos pasos=two factor; codigo=code; codigo promocional=promo code; codigo de descuento=promo code; cupon=coupon; cupon de descuento=promo code; descuento=discount; promocion=promo; oferta=promotion;
    aplicar=apply; aplica=apply; funciona=works; funcionar=work; sirve=works; valido=valid; invalido=invalid; caducado=expired; caducada=expired; vencido=expired; vencida=expired; acepta=accepts; rechaza=rejects; rechazado=rejected; deja=lets;
    suscripcion=subscription; membresia=membership; miembro=member; socio=member; nivel=level; cuota=fee; mensualidad=monthly payment; factura=bill; recibo=receipt; cargo=charge; cargos=charges; cobro=charge;
    cobrado=charged; cobraron=charged; cobran=charge; cobrar=charge; pagar=pay; pago=payment; pague=paid; pagado=paid; debo=owe; deuda=balance; saldo=balance; importe=amount; monto=amount; vence=is due; vencimiento=due date; plazo=deadline; prorroga=extension; renovar=renew; activa=active; activo=active; dos veces=twice; doble=double; de mas=extra; extra=extra;
    tarjeta=card; tarjeta de credito=credit card; metodo de pago=payment method; forma de pago=payment method; rechazada=declined; carrito=cart; pagina=page; web=website; lenta=slow; lento=slow;
    chaqueta=jacket; camisa=shirt; camiseta=shirt; botas=boots; vaqueros=jeans; pantalones=pants; pantalon=pants; zapatos=shoes; zapatillas=shoes; vestido=dress; articulo=item; producto=product; prenda=item;
    talla=size; tamano=size; color=color; mancha=stain; manchada=stained; manchado=stained; roto=broken; rota=broken; danado=damaged; defectuoso=defective; falta=missing; faltaba=missing; faltan=missing; grande=big; pequena=small; pequeno=small; chica=small; apretada=tight; ajustada=tight;
    semana=week; semanas=weeks; dia=day; dias=days; mes=month; meses=months; ayer=yesterday; hoy=today; pasada=last; pasado=last;
    hablar=talk; persona=person; gerente=manager; encargado=manager; supervisor=supervisor; humano=human; queja=complaint; problema=problem; error=error;
    recibir correos=receive emails; correos promocionales=promotional emails; darme de baja=unsubscribe; dar de baja=unsubscribe; boletin=newsletter;
    precio=price; politica=policy; politica de devoluciones=return policy; agotado=out of stock; envolver=wrap; regalo=gift
  `,
  fr: `
    combien de temps=how long; question=question; retours=returns; 
    ne me va pas=does not fit; ne me vont pas=does not fit; trop grand=too big; trop grande=too big; trop petit=too small; trop petite=too small; 
    ne marche pas=does not work; ne marche plus=does not work; ne fonctionne pas=does not work; devait=should have; lundi=monday; mardi=tuesday; mercredi=wednesday; jeudi=thursday; vendredi=friday; samedi=saturday; dimanche=sunday; 
    a=to; deux=two; trois=three; quatre=four; cinq=five; six=six; dix=ten; quinze=fifteen; vingt=twenty; janvier=january; fevrier=february; mars=march; avril=april; mai=may; juin=june; juillet=july; aout=august; septembre=september; octobre=october; novembre=november; decembre=december; verifier=check; il me reste=i still have; reste a payer=left to pay; reste=left; annuel=annual; annuelle=annual; mensuel=monthly; ne peux pas=can not; ne peux plus=can not; ne pouvons pas=can not; ne pouvez pas=can not; peux=can; pouvez=can; regarder=check; je n arrive pas a me connecter=i can not log in; impossible de me connecter=can not log in; ci=; 
    je veux=i want; je voudrais=i would like; j aimerais=i would like; je souhaite=i would like; je souhaiterais=i would like; il me faut=i need; j ai besoin=i need; besoin=need; je dois=i need to;
    pouvez vous=can you; pourriez vous=could you; puis je=can i; est ce que=; s il vous plait=please; svp=please; merci de=please; aide=help; aider=help; aidez=help;
    ou en est=what is the status of; ou en sont=what is the status of; qu en est il=what is the status of; des nouvelles=update on; nouvelles=update; suivi=tracking; suivre=track; statut=status; etat=status;
    ou=where; quand=when; comment=how; pourquoi=why; combien=how much; quel=which; quelle=which; quoi=what;
    toujours pas=still not; pas encore=not yet; toujours=still; deja=already; jamais=never; ne=; n=; pas=not; plus=anymore; rien=nothing;
    est=is; sont=are; etait=was; ai=have; as=have; a=has; avons=have; avez=have; ont=have; suis=am; j=i; je=i; me=me; m=me; moi=me;
    mon=my; ma=my; mes=my; votre=your; vos=your; le=the; la=the; les=the; l=the; un=a; une=a; des=some; du=of the; de=of; d=of; au=to the; aux=to the;
    pour=for; avec=with; sans=without; dans=in; en=in; sur=on; depuis=since; il y a=ago; et=and; ou bien=or; mais=but; si=if; autre=another; ce=this; cette=this; ca=it; il=it; elle=it;
    argent=money; mon argent=my money; rembourse=refund; remboursee=refund; remboursement=refund; rembourser=refund; remboursez=refund; etre rembourse=get a refund; etre remboursee=get a refund;
    retour=return; retourner=return; renvoyer=send back; renvoye=sent back; renvoyee=sent back; retourne=returned; echange=exchange; echanger=exchange;
    commande=order; commander=order; commandee=ordered; achat=purchase; achete=bought; achetee=bought; acheter=buy; colis=package; paquet=package;
    livraison=delivery; livrer=deliver; livre=delivered; livree=delivered; expedition=shipping; expedie=shipped; expediee=shipped; envoi=shipment; envoye=sent; transporteur=courier; livreur=courier;
    arrive=arrived; arrivee=arrived; arriver=arrive; recu=received; recue=received; recevoir=receive; recois=receive;
    adresse=address; adresse de livraison=delivery address; demenage=moved; demenagee=moved; demenagement=moved; nouvelle=new; nouveau=new; ancienne=old; ancien=old; mauvaise=wrong; fausse=wrong; erronee=wrong;
    changer=change; modifier=change; mettre a jour=update; corriger=correct; annuler=cancel; annulee=canceled; annule=canceled; supprimer=remove; ajouter=add;
    compte=account; profil=profile; connecter=log in; me connecter=log in; connexion=log in; acceder=access; acces=access; mot de passe=password; identifiant=username; nom d utilisateur=username;
    courriel=email; mail=email; e mail=email; bloque=locked; bloquee=locked; oublie=forgot; reinitialiser=reset; recuperer=recover; n arrive plus=can not; n arrive pas=can not; je n arrive pas a=i can not;
    code de verification=verification code; double authentification=two factor; code=code; code promo=promo code; code de reduction=promo code; code promotionnel=promo code; bon de reduction=coupon; reduction=discount; remise=discount; coupon=coupon; promo=promo;
    appliquer=apply; marche=works; fonctionne=works; valide=valid; invalide=invalid; perime=expired; expire=expired; accepte=accepted; refuse=rejected; refusee=rejected;
    abonnement=subscription; adhesion=membership; membre=member; niveau=level; facture=bill; facturation=billing; facture deux fois=charged twice; frais=fee; prelevement=charge; preleve=charged; debite=charged;
    payer=pay; paye=paid; payee=paid; paiement=payment; dois=owe; montant=amount; solde=balance; echeance=due date; du=due; delai=extension; prolongation=extension; renouveler=renew; actif=active; active=active; deux fois=twice; en trop=extra; supplementaires=extra;
    carte=card; carte bancaire=credit card; carte de credit=credit card; moyen de paiement=payment method; panier=cart; site=website; page=page; lent=slow;
    veste=jacket; blouson=jacket; chemise=shirt; tee shirt=shirt; bottes=boots; jean=jeans; pantalon=pants; chaussures=shoes; robe=dress; article=item; produit=product;
    taille=size; couleur=color; tache=stain; tachee=stained; casse=broken; abime=damaged; abimee=damaged; defectueux=defective; manque=missing; manquait=missing; manquant=missing; grand=big; grande=big; petit=small; petite=small; serre=tight;
    semaine=week; semaines=weeks; jour=day; jours=days; mois=month; hier=yesterday; aujourd hui=today; derniere=last; dernier=last;
    parler=talk; personne=person; responsable=manager; superviseur=supervisor; humain=human; conseiller=agent; plainte=complaint; probleme=problem; erreur=error;
    desabonner=unsubscribe; desinscrire=unsubscribe; newsletter=newsletter; e mails promotionnels=promotional emails;
    prix=price; politique=policy; politique de retour=return policy; rupture de stock=out of stock; epuise=out of stock; emballage cadeau=gift wrap
  `,
  de: `
    wie lange=how long; frage=question; rucksendungen=returns; 
    passt nicht=does not fit; passen nicht=do not fit; zu gross=too big; zu klein=too small; zu eng=too tight; 
    geht nicht=does not work; funktioniert nicht=does not work; klappt nicht=does not work; wollte=wanted; gerade=just; montag=monday; dienstag=tuesday; mittwoch=wednesday; donnerstag=thursday; freitag=friday; samstag=saturday; sonntag=sunday; 
    eins=one; zwei=two; drei=three; vier=four; funf=five; zehn=ten; januar=january; februar=february; marz=march; april=april; mai=may; juni=june; juli=july; august=august; september=september; oktober=october; november=november; dezember=december; zuruck=back; sehe=see; warte=waiting; warten=wait; diesen=this; dieser=this; diese=this; jeweils=each; abrechnung=billing; kreditkartenabrechnung=credit card statement; muss=need to; mehr=anymore; zeigt=shows; wird=is; werden=are; komme nicht mehr in=can not log in to; komme nicht in=can not log in to; komme nicht rein=can not log in; komme nicht mehr rein=can not log in; kann mich nicht anmelden=can not log in; kann mich nicht einloggen=can not log in; nicht angekommen=not arrived; noch nicht angekommen=not arrived yet; 
    ich mochte=i would like; ich hatte gerne=i would like; ich hatte gern=i would like; ich will=i want; ich brauche=i need; ich muss=i need to; brauche=need; konnen sie=can you; konnten sie=could you; kann ich=can i; kann man=can i; bitte=please; hilfe=help; helfen=help;
    wie ist der stand=what is the status of; was ist mit=what is the status of; stand=status; status=status; neuigkeiten=update on; sendungsverfolgung=tracking; verfolgen=track; nachverfolgen=track; wo bleibt=where is;
    wo=where; wann=when; wie=how; warum=why; wieso=why; wie viel=how much; wieviel=how much; welche=which; was=what;
    immer noch nicht=still not; noch nicht=not yet; immer noch=still; noch=still; schon=already; bereits=already; nie=never; niemals=never; nicht=not; kein=no; keine=no; nichts=nothing;
    ist=is; sind=are; war=was; habe=have; hat=has; haben=have; bin=am; wurde=was; ich=i; mir=me; mich=me; mein=my; meine=my; meinen=my; meinem=my; meiner=my; ihr=your; ihre=your; ihren=your;
    der=the; die=the; das=the; den=the; dem=the; des=of the; ein=a; eine=a; einen=a; einem=a; von=of; vom=of the; fur=for; mit=with; ohne=without; in=in; im=in the; auf=on; seit=since; vor=ago; und=and; oder=or; aber=but; wenn=if; andere=another; anderen=another; es=it; sie=you;
    geld=money; geld zuruck=money back; mein geld zuruck=my money back; erstattung=refund; ruckerstattung=refund; erstatten=refund; erstattet=refunded; zuruckerstatten=refund; ruckzahlung=refund; gutschrift=refund;
    zuruckgeben=return; zurucksenden=send back; zuruckschicken=send back; zuruckgeschickt=sent back; ruckgabe=return; retoure=return; ruckversand=return; umtauschen=exchange; umtausch=exchange;
    bestellung=order; bestellt=ordered; bestellen=order; kauf=purchase; gekauft=bought; kaufen=buy; paket=package; sendung=shipment; lieferung=delivery; liefern=deliver; geliefert=delivered; versand=shipping; versendet=shipped; verschickt=shipped; zusteller=courier;
    angekommen=arrived; ankommen=arrive; kommt=arrives; gekommen=arrived; erhalten=received; bekommen=received; zugestellt=delivered;
    adresse=address; anschrift=address; lieferadresse=delivery address; versandadresse=shipping address; umgezogen=moved; umzug=moved; neue=new; neuen=new; neu=new; alte=old; alten=old; falsche=wrong; falschen=wrong; falsch=wrong;
    andern=change; anderung=change; aktualisieren=update; korrigieren=correct; stornieren=cancel; storniert=canceled; stornierung=cancel; kundigen=cancel; gekundigt=canceled; loschen=delete; entfernen=remove; hinzufugen=add;
    konto=account; kundenkonto=account; profil=profile; einloggen=log in; anmelden=log in; login=log in; anmeldung=log in; zugang=access; reinkommen=log in; rein=in; passwort=password; kennwort=password; benutzername=username; nutzername=username;
    e mail=email; email=email; gesperrt=locked; vergessen=forgot; zurucksetzen=reset; wiederherstellen=recover;
    bestatigungscode=verification code; zwei faktor=two factor; code=code; gutscheincode=promo code; rabattcode=promo code; aktionscode=promo code; gutschein=coupon; rabatt=discount; aktion=promo;
    einlosen=apply; anwenden=apply; funktioniert=works; geht=works; gultig=valid; ungultig=invalid; abgelaufen=expired; akzeptiert=accepted; angenommen=accepted; abgelehnt=rejected;
    abo=subscription; abonnement=subscription; mitgliedschaft=membership; mitglied=member; stufe=level; rechnung=bill; abrechnung=billing; gebuhr=fee; gebuhren=fees; abgebucht=charged; berechnet=charged; belastet=charged; abbuchung=charge;
    zahlen=pay; bezahlen=pay; bezahlt=paid; zahlung=payment; schulde=owe; betrag=amount; offen=due; fallig=due; falligkeit=due date; frist=deadline; verlangerung=extension; verlangern=extend; aktiv=active; doppelt=twice; zweimal=twice; zu viel=overcharged; extra=extra; zusatzlich=extra;
    karte=card; kreditkarte=credit card; zahlungsmethode=payment method; zahlungsart=payment method; warenkorb=cart; seite=page; webseite=website; langsam=slow;
    jacke=jacket; hemd=shirt; stiefel=boots; jeans=jeans; hose=pants; schuhe=shoes; kleid=dress; artikel=item; produkt=product; ware=item;
    grosse=size; farbe=color; fleck=stain; flecken=stain; kaputt=broken; beschadigt=damaged; defekt=defective; fehlt=missing; fehlte=missing; gross=big; klein=small; eng=tight;
    woche=week; wochen=weeks; tag=day; tage=days; tagen=days; monat=month; monaten=months; gestern=yesterday; heute=today; letzte=last; letzten=last;
    sprechen=talk; person=person; vorgesetzten=manager; vorgesetzte=manager; menschen=human; mensch=human; mitarbeiter=agent; beschwerde=complaint; problem=problem; fehler=error;
    abmelden=unsubscribe; newsletter=newsletter; werbemails=promotional emails; keine e mails mehr=unsubscribe;
    preis=price; richtlinie=policy; ruckgaberecht=return policy; ausverkauft=out of stock; geschenkverpackung=gift wrap
  `,
  pt: `
    quanto tempo=how long; pergunta=question; devolucoes=returns; 
    nao serve=does not fit; nao servem=do not fit; ficou grande=too big; ficou pequeno=too small; 
    nao funciona=does not work; segunda=monday; terca=tuesday; quarta=wednesday; quinta=thursday; sexta=friday; sabado=saturday; domingo=sunday; 
    dois=two; duas=two; tres=three; quatro=four; cinco=five; dez=ten; janeiro=january; fevereiro=february; marco=march; maio=may; junho=june; julho=july; agosto=august; setembro=september; outubro=october; novembro=november; dezembro=december; nao consigo entrar=can not log in; nao consigo acessar=can not log in; ainda nao chegou=still not arrived; 
    quero=i want; queria=i would like; gostaria=i would like; preciso=i need; tenho que=i need to; posso=can i; pode=can you; poderia=could you; podem=can you; por favor=please; ajuda=help; ajudar=help;
    como esta=what is the status of; como anda=what is the status of; status=status; situacao=status; rastrear=track; rastreio=tracking; rastreamento=tracking;
    onde=where; cade=where is; quando=when; como=how; por que=why; porque=why; quanto=how much; qual=which; que=what;
    ainda nao=still not; ainda=still; ja=already; nunca=never; nao=not; nada=nothing;
    esta=is; e=is; sao=are; foi=was; tem=has; tenho=i have; eu=i; me=me; meu=my; minha=my; meus=my; minhas=my; seu=your; sua=your; o=the; a=the; os=the; as=the; um=a; uma=a;
    de=of; do=of the; da=of the; em=in; no=in the; na=in the; para=for; pra=for; por=for; com=with; sem=without; desde=since; ha=ago; atras=ago; mas=but; se=if; outro=another; outra=another;
    dinheiro=money; dinheiro de volta=money back; meu dinheiro de volta=my money back; reembolso=refund; reembolsar=refund; estorno=refund; estornar=refund; devolucao=return; devolver=return; devolvi=returned; trocar=exchange; troca=exchange;
    pedido=order; encomenda=order; compra=purchase; comprei=bought; comprar=buy; pacote=package; entrega=delivery; entregar=deliver; entregue=delivered; envio=shipping; enviado=shipped; frete=shipping;
    chegou=arrived; chegar=arrive; recebi=received; receber=receive;
    endereco=address; endereco de entrega=delivery address; mudei=moved; mudanca=moved; novo=new; nova=new; antigo=old; errado=wrong; errada=wrong;
    mudar=change; alterar=change; atualizar=update; corrigir=correct; cancelar=cancel; cancelado=canceled; remover=remove; adicionar=add;
    conta=account; perfil=profile; entrar=log in; acessar=log in; acesso=access; login=log in; senha=password; usuario=username; nome de usuario=username; bloqueada=locked; esqueci=forgot; redefinir=reset; recuperar=recover;
    codigo de verificacao=verification code; codigo=code; codigo promocional=promo code; cupom=coupon; cupom de desconto=promo code; desconto=discount; promocao=promo;
    aplicar=apply; funciona=works; valido=valid; invalido=invalid; expirado=expired; vencido=expired; aceita=accepts; recusado=rejected;
    assinatura=subscription; plano=subscription; membro=member; nivel=level; fatura=bill; cobranca=charge; cobrado=charged; cobraram=charged; taxa=fee; pagar=pay; pagamento=payment; paguei=paid; devo=owe; valor=amount; vencimento=due date; prazo=deadline; prorrogacao=extension; ativa=active; duas vezes=twice;
    cartao=card; cartao de credito=credit card; forma de pagamento=payment method; carrinho=cart; site=website; pagina=page; lento=slow;
    jaqueta=jacket; casaco=jacket; camisa=shirt; camiseta=shirt; botas=boots; calca=pants; sapatos=shoes; vestido=dress; item=item; produto=product; peca=item;
    tamanho=size; cor=color; mancha=stain; manchada=stained; quebrado=broken; danificado=damaged; defeito=defective; faltando=missing; faltou=missing; grande=big; pequeno=small; pequena=small; apertado=tight;
    semana=week; semanas=weeks; dia=day; dias=days; mes=month; meses=months; ontem=yesterday; hoje=today; passada=last; passado=last;
    falar=talk; pessoa=person; gerente=manager; supervisor=supervisor; humano=human; atendente=agent; reclamacao=complaint; problema=problem; erro=error;
    descadastrar=unsubscribe; receber emails=receive emails; preco=price; politica=policy; esgotado=out of stock
  `,
};
