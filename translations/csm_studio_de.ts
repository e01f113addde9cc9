<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
    <context>
        <name>AudioPlayer</name>
        <message>
            <source>No sound device was found, so samples cannot be played here. They are still generated and saved; open the files in another player or connect an audio output.</source>
            <translation>Es wurde kein Audiogerät gefunden, daher können Hörproben hier nicht abgespielt werden. Sie werden trotzdem erzeugt und gespeichert; öffnen Sie die Dateien in einem anderen Player oder schließen Sie eine Audioausgabe an.</translation>
        </message>
        <message>
            <source>Cannot play %1: %2</source>
            <translation>%1 kann nicht abgespielt werden: %2</translation>
        </message>
        <message>
            <source>%1: the audio file is gone.</source>
            <translation>%1: Die Audiodatei ist nicht mehr vorhanden.</translation>
        </message>
    </context>
    <context>
        <name>ComparePage</name>
        <message>
            <source>&amp;Blind A/B/X (names hidden until you submit)</source>
            <translation>&amp;Blinder A/B/X-Test (Namen bleiben bis zum Absenden verborgen)</translation>
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation>&amp;Erzeugen</translation>
        </message>
        <message>
            <source>&amp;Save ratings</source>
            <translation>Bewertungen &amp;speichern</translation>
        </message>
        <message>
            <source>Voices to compare:</source>
            <translation>Zu vergleichende Stimmen:</translation>
        </message>
        <message>
            <source>One sentence every voice says</source>
            <translation>Ein Satz, den jede Stimme spricht</translation>
        </message>
        <message>
            <source>The quick brown fox jumps over the lazy dog.</source>
            <translation>Franz jagt im komplett verwahrlosten Taxi quer durch Bayern.</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>&amp;Text:</translation>
        </message>
        <message>
            <source>X sounds like:</source>
            <translation>X klingt wie:</translation>
        </message>
        <message>
            <source>A</source>
            <translation>A</translation>
        </message>
        <message>
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <source>%1 (id %2)</source>
            <translation>%1 (ID %2)</translation>
        </message>
        <message>
            <source>The model of this voice is gone.</source>
            <translation>Das Modell dieser Stimme ist nicht mehr vorhanden.</translation>
        </message>
        <message>
            <source>Blind A/B/X compares exactly two voices.</source>
            <translation>Der blinde A/B/X-Test vergleicht genau zwei Stimmen.</translation>
        </message>
        <message>
            <source>Choose at least two voices.</source>
            <translation>Wählen Sie mindestens zwei Stimmen.</translation>
        </message>
        <message>
            <source>Compare: generating %1</source>
            <translation>Vergleich: %1 wird erzeugt</translation>
        </message>
        <message numerus="yes">
            <source>Generating %n sample(s)…</source>
            <translation>
                <numerusform>%n Hörprobe wird erzeugt…</numerusform>
                <numerusform>%n Hörproben werden erzeugt…</numerusform>
            </translation>
        </message>
        <message>
            <source>Listen to A, B and X, say which one X is, rate A and B, then submit.</source>
            <translation>Hören Sie A, B und X an, sagen Sie, welche Stimme X ist, bewerten Sie A und B und senden Sie ab.</translation>
        </message>
        <message>
            <source>Listen and rate each voice, then save the ratings.</source>
            <translation>Hören Sie jede Stimme an, bewerten Sie sie und speichern Sie die Bewertungen.</translation>
        </message>
        <message>
            <source>Say which voice X is first.</source>
            <translation>Sagen Sie zuerst, welche Stimme X ist.</translation>
        </message>
        <message>
            <source>A/B comparison: “%1”</source>
            <translation>A/B-Vergleich: „%1“</translation>
        </message>
        <message>
            <source>Rate at least one voice first.</source>
            <translation>Bewerten Sie zuerst mindestens eine Stimme.</translation>
        </message>
        <message numerus="yes">
            <source>Correct: X was %1. %n rating(s) stored.</source>
            <translation>
                <numerusform>Richtig: X war %1. %n Bewertung gespeichert.</numerusform>
                <numerusform>Richtig: X war %1. %n Bewertungen gespeichert.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not quite: X was %1. %n rating(s) stored.</source>
            <translation>
                <numerusform>Nicht ganz: X war %1. %n Bewertung gespeichert.</numerusform>
                <numerusform>Nicht ganz: X war %1. %n Bewertungen gespeichert.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rating(s) stored with the voices' samples.</source>
            <translation>
                <numerusform>%n Bewertung bei den Hörproben der Stimmen gespeichert.</numerusform>
                <numerusform>%n Bewertungen bei den Hörproben der Stimmen gespeichert.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation>&amp;Absenden</translation>
        </message>
        <message>
            <source>Check exactly two voices for a blind A/B/X test.</source>
            <translation>Wählen Sie für einen blinden A/B/X-Test genau zwei Stimmen.</translation>
        </message>
        <message>
            <source>Check two or more voices.</source>
            <translation>Wählen Sie zwei oder mehr Stimmen.</translation>
        </message>
    </context>
    <context>
        <name>CompareSlotWidget</name>
        <message>
            <source>Waiting…</source>
            <translation>Warten…</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <source>Rate…</source>
            <translation>Bewerten…</translation>
        </message>
        <message>
            <source>1 – bad</source>
            <translation>1 – schlecht</translation>
        </message>
        <message>
            <source>2 – poor</source>
            <translation>2 – mäßig</translation>
        </message>
        <message>
            <source>3 – fair</source>
            <translation>3 – ordentlich</translation>
        </message>
        <message>
            <source>4 – good</source>
            <translation>4 – gut</translation>
        </message>
        <message>
            <source>5 – excellent</source>
            <translation>5 – hervorragend</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stopp</translation>
        </message>
    </context>
    <context>
        <name>DeleteProfileCommand</name>
        <message>
            <source>Delete voice “%1”</source>
            <translation>Stimme „%1“ löschen</translation>
        </message>
    </context>
    <context>
        <name>DeviceDetect</name>
        <message numerus="yes">
            <source>%n CUDA device(s) detected</source>
            <translation>
                <numerusform>%n CUDA-Gerät erkannt</numerusform>
                <numerusform>%n CUDA-Geräte erkannt</numerusform>
            </translation>
        </message>
        <message>
            <source>No CUDA device detected</source>
            <translation>Kein CUDA-Gerät erkannt</translation>
        </message>
        <message>
            <source>Not available: this build's LibTorch has no CUDA</source>
            <translation>Nicht verfügbar: Das LibTorch dieses Builds hat kein CUDA</translation>
        </message>
    </context>
    <context>
        <name>EngineWorker</name>
        <message>
            <source>Cancelled before it started.</source>
            <translation>Vor dem Start abgebrochen.</translation>
        </message>
        <message>
            <source>Loading the model…</source>
            <translation>Modell wird geladen…</translation>
        </message>
        <message>
            <source>Generating speech…</source>
            <translation>Sprache wird erzeugt…</translation>
        </message>
        <message>
            <source>The model ended the audio before the first frame; try another text or seed.</source>
            <translation>Das Modell hat das Audio vor dem ersten Frame beendet; versuchen Sie einen anderen Text oder Seed.</translation>
        </message>
        <message>
            <source>Generated %1 s of speech (%2 frames).</source>
            <translation>%1 s Sprache erzeugt (%2 Frames).</translation>
        </message>
        <message>
            <source>Cancelled; nothing was stored.</source>
            <translation>Abgebrochen; nichts wurde gespeichert.</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>%1 wird geladen…</translation>
        </message>
        <message>
            <source>Writing the Hugging Face folder…</source>
            <translation>Hugging-Face-Ordner wird geschrieben…</translation>
        </message>
        <message>
            <source>Reloading the exported folder…</source>
            <translation>Exportierter Ordner wird neu geladen…</translation>
        </message>
        <message>
            <source>Checking the exported model…</source>
            <translation>Exportiertes Modell wird geprüft…</translation>
        </message>
        <message>
            <source>%1: the exported model has %2 parameters, the source %3; the export is incomplete.</source>
            <translation>%1: Das exportierte Modell hat %2 Parameter, die Quelle %3; der Export ist unvollständig.</translation>
        </message>
        <message>
            <source>%1: the exported configuration differs from the source.</source>
            <translation>%1: Die exportierte Konfiguration weicht von der Quelle ab.</translation>
        </message>
        <message>
            <source>%1: the exported model speaks differently from the source; the weights were not written correctly.</source>
            <translation>%1: Das exportierte Modell spricht anders als die Quelle; die Gewichte wurden nicht korrekt geschrieben.</translation>
        </message>
        <message>
            <source>Exported to %1, reloaded and checked: %2 parameters, same greedy output.</source>
            <translation>Nach %1 exportiert, neu geladen und geprüft: %2 Parameter, gleiche Greedy-Ausgabe.</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>Export abgebrochen.</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>%1 wird geschrieben…</translation>
        </message>
        <message>
            <source>Exported voice %1 to %2 (%3 MB).</source>
            <translation>Stimme %1 nach %2 exportiert (%3 MB).</translation>
        </message>
        <message>
            <source>Checking and importing %1…</source>
            <translation>%1 wird geprüft und importiert…</translation>
        </message>
        <message>
            <source>Imported voice “%1” (id %2).</source>
            <translation>Stimme „%1“ (ID %2) importiert.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export model</source>
            <translation>Modell exportieren</translation>
        </message>
        <message>
            <source>Another folder…</source>
            <translation>Anderer Ordner…</translation>
        </message>
        <message>
            <source>&amp;Voice or model:</source>
            <translation>&amp;Stimme oder Modell:</translation>
        </message>
        <message>
            <source>&amp;Model folder:</source>
            <translation>&amp;Modellordner:</translation>
        </message>
        <message>
            <source>A new or empty folder</source>
            <translation>Ein neuer oder leerer Ordner</translation>
        </message>
        <message>
            <source>&amp;Export to:</source>
            <translation>&amp;Exportieren nach:</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Hugging Face folder, merged weights (config.json + model.safetensors)</source>
            <translation>Hugging-Face-Ordner, zusammengeführte Gewichte (config.json + model.safetensors)</translation>
        </message>
        <message>
            <source>Adapters only</source>
            <translation>Nur Adapter</translation>
        </message>
        <message>
            <source>Original layout (Sesame ckpt.pt)</source>
            <translation>Originales Layout (Sesame ckpt.pt)</translation>
        </message>
        <message>
            <source>Available once the trainer writes LoRA adapters.</source>
            <translation>Verfügbar, sobald das Training LoRA-Adapter schreibt.</translation>
        </message>
        <message>
            <source>Not supported yet: the engine writes the Hugging Face layout.</source>
            <translation>Noch nicht unterstützt: Die Engine schreibt das Hugging-Face-Layout.</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <source>Model folder</source>
            <translation>Modellordner</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>Exportieren nach</translation>
        </message>
        <message>
            <source>%1: the model folder does not exist.</source>
            <translation>%1: Der Modellordner existiert nicht.</translation>
        </message>
        <message>
            <source>%1 is not empty. Choose a new or empty folder, so nothing is overwritten.</source>
            <translation>%1 ist nicht leer. Wählen Sie einen neuen oder leeren Ordner, damit nichts überschrieben wird.</translation>
        </message>
        <message>
            <source>Queued…</source>
            <translation>In der Warteschlange…</translation>
        </message>
        <message>
            <source>Done. %1</source>
            <translation>Fertig. %1</translation>
        </message>
        <message>
            <source>Cancelled. The folder may hold a partial export; delete it.</source>
            <translation>Abgebrochen. Der Ordner kann einen unvollständigen Export enthalten; löschen Sie ihn.</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Close (export continues)</source>
            <translation>Schließen (Export läuft weiter)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>JobService</name>
        <message>
            <source>Generating a sample for “%1”</source>
            <translation>Hörprobe für „%1“ wird erzeugt</translation>
        </message>
        <message>
            <source>Exporting the model to %1</source>
            <translation>Modell wird nach %1 exportiert</translation>
        </message>
        <message>
            <source>Exporting voice %1</source>
            <translation>Stimme %1 wird exportiert</translation>
        </message>
        <message>
            <source>Importing %1</source>
            <translation>%1 wird importiert</translation>
        </message>
    </context>
    <context>
        <name>JobStatusWidget</name>
        <message>
            <source>Cancel the running job</source>
            <translation>Laufenden Auftrag abbrechen</translation>
        </message>
        <message>
            <source>%1 — cancelling…</source>
            <translation>%1 – wird abgebrochen…</translation>
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message>
            <source>Filter voices (name, id, gender, accent, style…)</source>
            <translation>Stimmen filtern (Name, ID, Geschlecht, Akzent, Stil…)</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xportieren…</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <source>Add a voice from a .csmvoice archive</source>
            <translation>Eine Stimme aus einem .csmvoice-Archiv hinzufügen</translation>
        </message>
        <message>
            <source>Save the selected voice, its samples and model as a .csmvoice archive</source>
            <translation>Die gewählte Stimme mit Hörproben und Modell als .csmvoice-Archiv speichern</translation>
        </message>
        <message>
            <source>Move the selected voice to the library's trash (Undo brings it back)</source>
            <translation>Die gewählte Stimme in den Papierkorb der Bibliothek verschieben (Rückgängig holt sie zurück)</translation>
        </message>
        <message>
            <source>Delete voice</source>
            <translation>Stimme löschen</translation>
        </message>
        <message>
            <source>Moved “%1” to the library's trash. Undo (Ctrl+Z) brings it back.</source>
            <translation>„%1“ wurde in den Papierkorb der Bibliothek verschoben. Rückgängig (Strg+Z) holt sie zurück.</translation>
        </message>
        <message>
            <source>Import voice</source>
            <translation>Stimme importieren</translation>
        </message>
        <message>
            <source>Voice archives (*.csmvoice);;All files (*)</source>
            <translation>Stimmarchive (*.csmvoice);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Export voice</source>
            <translation>Stimme exportieren</translation>
        </message>
        <message>
            <source>Voice archives (*.csmvoice)</source>
            <translation>Stimmarchive (*.csmvoice)</translation>
        </message>
        <message>
            <source>Generate sample</source>
            <translation>Hörprobe erzeugen</translation>
        </message>
    </context>
    <context>
        <name>LibraryService</name>
        <message>
            <source>(broken profile)</source>
            <translation>(beschädigtes Profil)</translation>
        </message>
        <message>
            <source>The library folder %1 does not exist yet; it is created when you add or import the first voice.</source>
            <translation>Der Bibliotheksordner %1 existiert noch nicht; er wird angelegt, wenn Sie die erste Stimme hinzufügen oder importieren.</translation>
        </message>
        <message>
            <source>%1 is not a folder. Choose another library folder in Settings.</source>
            <translation>%1 ist kein Ordner. Wählen Sie in den Einstellungen einen anderen Bibliotheksordner.</translation>
        </message>
        <message>
            <source>The library folder %1 is read-only: you can browse and listen, but not change voices. Choose a writable folder in Settings to edit.</source>
            <translation>Der Bibliotheksordner %1 ist schreibgeschützt: Sie können Stimmen ansehen und anhören, aber nicht ändern. Wählen Sie zum Bearbeiten in den Einstellungen einen beschreibbaren Ordner.</translation>
        </message>
        <message>
            <source>Type the text the voice should say.</source>
            <translation>Geben Sie den Text ein, den die Stimme sprechen soll.</translation>
        </message>
        <message>
            <source>Voice %1 is no longer in the library (%2).</source>
            <translation>Stimme %1 ist nicht mehr in der Bibliothek (%2).</translation>
        </message>
        <message>
            <source>%1: the model of “%2” is gone. Put it back, or point the profile to its model folder.</source>
            <translation>%1: Das Modell von „%2“ ist nicht mehr vorhanden. Stellen Sie es wieder her oder verweisen Sie das Profil auf seinen Modellordner.</translation>
        </message>
        <message>
            <source>%1: no tokenizer.json beside the model. Set the base model folder (with tokenizer.json) in Settings.</source>
            <translation>%1: Keine tokenizer.json neben dem Modell. Legen Sie in den Einstellungen den Basismodell-Ordner (mit tokenizer.json) fest.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>CSM Studio</source>
            <translation>CSM Studio</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Aufnehmen</translation>
        </message>
        <message>
            <source>Record your voice (coming with the recording issue)</source>
            <translation>Ihre Stimme aufnehmen (kommt mit der Aufnahmefunktion)</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Trainieren</translation>
        </message>
        <message>
            <source>Fine-tune a voice (coming with the training wizard)</source>
            <translation>Eine Stimme feinabstimmen (kommt mit dem Trainingsassistenten)</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <source>Your voices: details, samples, import and export</source>
            <translation>Ihre Stimmen: Details, Hörproben, Import und Export</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Vergleichen</translation>
        </message>
        <message>
            <source>Listen to voices side by side; blind A/B/X</source>
            <translation>Stimmen nebeneinander anhören; blinder A/B/X-Test</translation>
        </message>
        <message>
            <source>Recording sessions (prompts, levels, takes) arrive with the recording issue. Until then, prepare data with the `csm data` command line.</source>
            <translation>Aufnahmesitzungen (Vorlagen, Pegel, Takes) kommen mit der Aufnahmefunktion. Bis dahin bereiten Sie Daten mit der Kommandozeile `csm data` vor.</translation>
        </message>
        <message>
            <source>The training wizard arrives with the training issue. Trained voices appear in the Library, where you can audition, compare and export them.</source>
            <translation>Der Trainingsassistent kommt mit der Trainingsfunktion. Trainierte Stimmen erscheinen in der Bibliothek, wo Sie sie anhören, vergleichen und exportieren können.</translation>
        </message>
        <message>
            <source>Device: CUDA</source>
            <translation>Gerät: CUDA</translation>
        </message>
        <message>
            <source>Device: CPU</source>
            <translation>Gerät: CPU</translation>
        </message>
        <message>
            <source>No sound device</source>
            <translation>Kein Audiogerät</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Import Voice…</source>
            <translation>Stimme &amp;importieren…</translation>
        </message>
        <message>
            <source>E&amp;xport Voice…</source>
            <translation>Stimme e&amp;xportieren…</translation>
        </message>
        <message>
            <source>Export &amp;Model…</source>
            <translation>&amp;Modell exportieren…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>&amp;Delete Voice</source>
            <translation>Stimme &amp;löschen</translation>
        </message>
        <message>
            <source>&amp;Filter Voices</source>
            <translation>Stimmen &amp;filtern</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Jobs</source>
            <translation>&amp;Aufträge</translation>
        </message>
        <message>
            <source>&amp;Cancel Running Job</source>
            <translation>Laufenden Auftrag &amp;abbrechen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About CSM Studio</source>
            <translation>&amp;Über CSM Studio</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Über &amp;Qt</translation>
        </message>
        <message>
            <source>The new language applies when CSM Studio starts again.</source>
            <translation>Die neue Sprache gilt nach dem nächsten Start von CSM Studio.</translation>
        </message>
        <message>
            <source>Voice “%1” (id %2)</source>
            <translation>Stimme „%1“ (ID %2)</translation>
        </message>
        <message>
            <source>Base model</source>
            <translation>Basismodell</translation>
        </message>
        <message>
            <source>About CSM Studio</source>
            <translation>Über CSM Studio</translation>
        </message>
        <message>
            <source>&lt;h3&gt;CSM Studio %1&lt;/h3&gt;&lt;p&gt;Fine-tune Sesame's CSM-1B speech model on your own voice, keep a library of voices, audition and compare them, and export them.&lt;/p&gt;&lt;p&gt;Clone only voices you have the right to use: a voice of another person needs their recorded or written consent.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;CSM Studio %1&lt;/h3&gt;&lt;p&gt;Stimmen Sie das Sprachmodell CSM-1B von Sesame auf Ihre eigene Stimme ab, verwalten Sie eine Bibliothek von Stimmen, hören Sie sie an, vergleichen und exportieren Sie sie.&lt;/p&gt;&lt;p&gt;Klonen Sie nur Stimmen, die Sie verwenden dürfen: Die Stimme einer anderen Person braucht deren aufgezeichnete oder schriftliche Einwilligung.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>ProfileDetailWidget</name>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Hörproben</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Einwilligung</translation>
        </message>
        <message>
            <source>female</source>
            <translation>weiblich</translation>
        </message>
        <message>
            <source>male</source>
            <translation>männlich</translation>
        </message>
        <message>
            <source>non-binary</source>
            <translation>nichtbinär</translation>
        </message>
        <message>
            <source>e.g. 30-40</source>
            <translation>z. B. 30-40</translation>
        </message>
        <message>
            <source>e.g. newsreader, excited</source>
            <translation>z. B. Nachrichtensprecher, aufgeregt</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Beschreibung:</translation>
        </message>
        <message>
            <source>&amp;Gender:</source>
            <translation>&amp;Geschlecht:</translation>
        </message>
        <message>
            <source>&amp;Age range:</source>
            <translation>&amp;Altersbereich:</translation>
        </message>
        <message>
            <source>A&amp;ccent:</source>
            <translation>A&amp;kzent:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>St&amp;yle:</source>
            <translation>St&amp;il:</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>Modell:</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>&amp;Abspielen</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>S&amp;topp</translation>
        </message>
        <message>
            <source>Type a sentence for this voice to say</source>
            <translation>Geben Sie einen Satz für diese Stimme ein</translation>
        </message>
        <message>
            <source>&amp;Generate sample</source>
            <translation>Hörprobe &amp;erzeugen</translation>
        </message>
        <message>
            <source>%1 (id %2)</source>
            <translation>%1 (ID %2)</translation>
        </message>
        <message>
            <source>No voice selected</source>
            <translation>Keine Stimme ausgewählt</translation>
        </message>
        <message>
            <source>This profile cannot be read: %1. Fix or delete it; the other voices are not affected.</source>
            <translation>Dieses Profil kann nicht gelesen werden: %1. Reparieren oder löschen Sie es; die anderen Stimmen sind nicht betroffen.</translation>
        </message>
        <message>
            <source>The model is gone: %1. Samples can still be played, but new ones cannot be generated.</source>
            <translation>Das Modell ist nicht mehr vorhanden: %1. Hörproben lassen sich noch abspielen, aber keine neuen erzeugen.</translation>
        </message>
        <message>
            <source>Recipe:</source>
            <translation>Rezept:</translation>
        </message>
        <message>
            <source>Data:</source>
            <translation>Daten:</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>Epochs:</source>
            <translation>Epochen:</translation>
        </message>
        <message>
            <source>Best val loss:</source>
            <translation>Bester Val-Loss:</translation>
        </message>
        <message>
            <source>Final loss:</source>
            <translation>Letzter Loss:</translation>
        </message>
        <message>
            <source>Started:</source>
            <translation>Begonnen:</translation>
        </message>
        <message>
            <source>Finished:</source>
            <translation>Beendet:</translation>
        </message>
        <message>
            <source>Run folder:</source>
            <translation>Lauf-Ordner:</translation>
        </message>
        <message>
            <source>Hyperparameters:</source>
            <translation>Hyperparameter:</translation>
        </message>
        <message>
            <source>This voice has not been trained in CSM Studio.</source>
            <translation>Diese Stimme wurde nicht in CSM Studio trainiert.</translation>
        </message>
        <message>
            <source>Base model:</source>
            <translation>Basismodell:</translation>
        </message>
        <message>
            <source>Person:</source>
            <translation>Person:</translation>
        </message>
        <message>
            <source>Given at:</source>
            <translation>Erteilt am:</translation>
        </message>
        <message>
            <source>Method:</source>
            <translation>Art:</translation>
        </message>
        <message>
            <source>Statement:</source>
            <translation>Erklärung:</translation>
        </message>
        <message>
            <source>Recording:</source>
            <translation>Aufnahme:</translation>
        </message>
        <message>
            <source>Your own voice: no consent record is needed.</source>
            <translation>Ihre eigene Stimme: Keine Einwilligung nötig.</translation>
        </message>
        <message>
            <source>No consent record.</source>
            <translation>Keine Einwilligung hinterlegt.</translation>
        </message>
        <message numerus="yes">
            <source>★ %1 (%n rating(s))</source>
            <translation>
                <numerusform>★ %1 (%n Bewertung)</numerusform>
                <numerusform>★ %1 (%n Bewertungen)</numerusform>
            </translation>
        </message>
        <message>
            <source>A sample is being generated…</source>
            <translation>Eine Hörprobe wird erzeugt…</translation>
        </message>
        <message>
            <source>The model of this voice is gone.</source>
            <translation>Das Modell dieser Stimme ist nicht mehr vorhanden.</translation>
        </message>
    </context>
    <context>
        <name>ProfileTableModel</name>
        <message>
            <source>The model is gone: %1</source>
            <translation>Das Modell ist nicht mehr vorhanden: %1</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Geschlecht</translation>
        </message>
        <message>
            <source>Age range</source>
            <translation>Altersbereich</translation>
        </message>
        <message>
            <source>Accent</source>
            <translation>Akzent</translation>
        </message>
        <message>
            <source>Style</source>
            <translation>Stil</translation>
        </message>
        <message>
            <source>Base model</source>
            <translation>Basismodell</translation>
        </message>
        <message>
            <source>Last trained</source>
            <translation>Zuletzt trainiert</translation>
        </message>
        <message>
            <source>Best val loss</source>
            <translation>Bester Val-Loss</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Hörproben</translation>
        </message>
    </context>
    <context>
        <name>ScreenshotTour</name>
        <message>
            <source>Hello, this is my voice.</source>
            <translation>Hallo, das ist meine Stimme.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>System default</source>
            <translation>Systemvorgabe</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>&amp;Library folder:</source>
            <translation>&amp;Bibliotheksordner:</translation>
        </message>
        <message>
            <source>Folder of sesame/csm-1b (config.json, model.safetensors, tokenizer.json)</source>
            <translation>Ordner von sesame/csm-1b (config.json, model.safetensors, tokenizer.json)</translation>
        </message>
        <message>
            <source>&amp;Base model folder:</source>
            <translation>Ordner des &amp;Basismodells:</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA GPU — %1</source>
            <translation>CUDA-GPU – %1</translation>
        </message>
        <message>
            <source>&amp;Device:</source>
            <translation>&amp;Gerät:</translation>
        </message>
        <message>
            <source>L&amp;anguage:</source>
            <translation>S&amp;prache:</translation>
        </message>
        <message>
            <source>A new language applies when CSM Studio starts again.</source>
            <translation>Eine neue Sprache gilt nach dem nächsten Start von CSM Studio.</translation>
        </message>
        <message>
            <source>Library folder</source>
            <translation>Bibliotheksordner</translation>
        </message>
        <message>
            <source>Base model folder</source>
            <translation>Ordner des Basismodells</translation>
        </message>
        <message>
            <source>Does not exist yet; it is created with the first voice.</source>
            <translation>Existiert noch nicht; wird mit der ersten Stimme angelegt.</translation>
        </message>
        <message>
            <source>This is not a folder.</source>
            <translation>Das ist kein Ordner.</translation>
        </message>
        <message>
            <source>Read-only: voices can be browsed but not changed.</source>
            <translation>Schreibgeschützt: Stimmen können angesehen, aber nicht geändert werden.</translation>
        </message>
        <message>
            <source>Needed to generate with voices whose model has no tokenizer.json.</source>
            <translation>Nötig, um mit Stimmen zu erzeugen, deren Modell keine tokenizer.json hat.</translation>
        </message>
        <message>
            <source>No config.json in this folder: it is not a CSM model folder.</source>
            <translation>Keine config.json in diesem Ordner: Es ist kein CSM-Modellordner.</translation>
        </message>
        <message>
            <source>CUDA: %1</source>
            <translation>CUDA: %1</translation>
        </message>
    </context>
    <context>
        <name>SpectrogramWidget</name>
        <message>
            <source>No audio</source>
            <translation>Kein Audio</translation>
        </message>
    </context>
    <context>
        <name>WavFile</name>
        <message>
            <source>%1: cannot write the audio file (%2). Check that the folder exists and is writable.</source>
            <translation>%1: Die Audiodatei kann nicht geschrieben werden (%2). Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
        </message>
        <message>
            <source>cannot open the file (%1)</source>
            <translation>Die Datei kann nicht geöffnet werden (%1)</translation>
        </message>
        <message>
            <source>not a WAV file</source>
            <translation>keine WAV-Datei</translation>
        </message>
        <message>
            <source>the data chunk comes before the format chunk</source>
            <translation>der Datenblock steht vor dem Formatblock</translation>
        </message>
        <message>
            <source>only 16-bit PCM and 32-bit float WAV files are supported</source>
            <translation>nur WAV-Dateien mit 16-Bit-PCM und 32-Bit-Float werden unterstützt</translation>
        </message>
        <message>
            <source>no audio data in the file</source>
            <translation>keine Audiodaten in der Datei</translation>
        </message>
    </context>
    <context>
        <name>WaveformWidget</name>
        <message>
            <source>No audio</source>
            <translation>Kein Audio</translation>
        </message>
    </context>
</TS>
