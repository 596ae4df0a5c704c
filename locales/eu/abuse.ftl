# Programa automatikoen aurkako segurtasun-galdera eta saiakera-mugak.

question-sum = Zenbat da { $a } gehi { $b }? Idatzi emaitza zenbakitan.
question-label = Segurtasun-galdera
question-why = Saiakera asko jaso ditugu jarraian. Programa automatiko bat ez zarela egiaztatzeko, erantzun galdera honi.
question-required = Erantzun segurtasun-galderari.
question-wrong = Segurtasun-galderaren erantzuna ez da zuzena. Erantzun galdera berriari.
# Galderaren ordezko SMSa (WCAG 2.2 SC 3.3.8): ez da kalkulurik egin behar.
challenge-sms-offer = Nahiago duzu galderari ez erantzun? Kode bat bidal diezazukegu SMS bidez, DNI/NIE honekin erregistratutako mugikorrera.
challenge-sms-send = Kode bat SMS bidez jaso nahi dut
challenge-sms-sent = DNI/NIEa erregistratuta badago, kode bat bidali dugu SMS bidez haren mugikorrera. Idatzi hemen, galderari erantzun beharrean.
challenge-code-label = SMS bidez jasotako kodea
# "Erantzun galderari" esan beharrean agertzen da, nabigatzaileak berak lan-froga ebazten duenean.
challenge-pow-retry = Zure segurtasunerako, nabigatzaileak egiaztapen automatiko bat egin du. Idatzi berriro pasahitza edo kodea, eta bidali berriro.
