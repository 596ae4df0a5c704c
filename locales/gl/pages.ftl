# Páxinas informativas da capa web: cookies e privacidade.

## Cookies

cookies-title = Cookies
cookies-intro = Cl@ve só usa cookies técnicas, estritamente necesarias para que o servizo funcione de forma segura. Non usamos cookies de análise, de publicidade nin de terceiros; por iso non lle pedimos o seu consentimento.
cookies-table-caption = Cookies que usa este sitio
cookies-col-name = Nome
cookies-col-purpose = Para que serve
cookies-col-duration = Duración
cookie-session-purpose = Mantén a súa sesión mentres se identifica ou xestiona a súa conta, para non pedirlle os mesmos datos en cada paso.
cookie-session-duration = Ata que peche o navegador ou remate o proceso.
cookie-csrf-purpose = Protexe os formularios contra envíos falsificados desde outros sitios web.
cookie-csrf-duration = Ata que peche o navegador.
cookie-lang-purpose = Lembra o idioma que escolleu.
cookie-lang-duration = Un ano.
cookie-device-purpose = Lembra que xa se identificou neste navegador, para que quen probe contrasinais desde outros non poida bloquear o seu acceso desde aquí. Non garda o seu contrasinal nin os seus datos.
cookie-device-duration = Un ano desde o seu último acceso.
cookie-account-login-purpose = Vincula a este navegador a identificación para entrar na súa páxina de conta (Mi Cl@ve), para que ninguén máis a poida completar por vostede.
cookie-account-login-duration = Dez minutos, ou ata que remate a identificación.
cookies-manage = Pode borrar estas cookies desde a configuración do seu navegador. Se as bloquea, non poderá identificarse nin enviar formularios.

## Privacidade

privacy-title = Privacidade
privacy-intro = Este servizo trata os seus datos persoais só para a súa identificación ante as administracións públicas e para xestionar o seu rexistro en Cl@ve Permanente.
privacy-data-heading = Que datos gardamos
privacy-data = Os datos que facilitou no acto de rexistro (DNI/NIE, nome e apelidos, correo electrónico e teléfono móbil); o seu contrasinal, gardado de forma que ninguén o poida ler; e un rexistro das operacións de seguridade (accesos, cambios de contrasinal, baixas) coa súa data.
privacy-sharing-heading = Con quen os compartimos
privacy-sharing = Cando accede a un servizo electrónico, só lle enviamos os datos que ese servizo necesita e ten autorizados. Cada servizo recibe un identificador distinto para vostede, de modo que os servizos non poden relacionar os seus accesos entre si, agás os que necesitan o seu DNI/NIE para tramitar a súa solicitude.
privacy-rights-heading = Os seus dereitos
privacy-rights = Pode exercer os seus dereitos de acceso, rectificación, supresión e os demais que recoñece o Regulamento xeral de protección de datos ante o órgano responsable deste servizo, polos medios indicados na axuda. Pode darse de baixa en Cl@ve Permanente cando queira.
privacy-cookies = Para saber que cookies usamos, consulte a páxina de cookies.

## Portada

home-title = Cl@ve Permanente
home-intro = Desde aquí pode xestionar o seu usuario de Cl@ve Permanente.
home-portals = Para identificarse nun servizo electrónico, entre na web dese servizo e escolla «Cl@ve»: así chegará aquí.
