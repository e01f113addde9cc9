<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
    <context>
        <name>AudioPlayer</name>
        <message>
            <source>No sound device was found, so samples cannot be played here. They are still generated and saved; open the files in another player or connect an audio output.</source>
            <translation>Aucun périphérique audio n'a été trouvé : les échantillons ne peuvent pas être lus ici. Ils sont tout de même générés et enregistrés ; ouvrez les fichiers dans un autre lecteur ou branchez une sortie audio.</translation>
        </message>
        <message>
            <source>Cannot play %1: %2</source>
            <translation>Impossible de lire %1 : %2</translation>
        </message>
        <message>
            <source>%1: the audio file is gone.</source>
            <translation>%1 : le fichier audio n'existe plus.</translation>
        </message>
    </context>
    <context>
        <name>ComparePage</name>
        <message>
            <source>&amp;Blind A/B/X (names hidden until you submit)</source>
            <translation>&amp;Test A/B/X à l’aveugle (noms cachés jusqu’à l’envoi)</translation>
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation>&amp;Générer</translation>
        </message>
        <message>
            <source>&amp;Save ratings</source>
            <translation>&amp;Enregistrer les notes</translation>
        </message>
        <message>
            <source>Voices to compare:</source>
            <translation>Voix à comparer :</translation>
        </message>
        <message>
            <source>One sentence every voice says</source>
            <translation>Une phrase que chaque voix prononce</translation>
        </message>
        <message>
            <source>The quick brown fox jumps over the lazy dog.</source>
            <translation>Portez ce vieux whisky au juge blond qui fume.</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>&amp;Texte :</translation>
        </message>
        <message>
            <source>X sounds like:</source>
            <translation>X ressemble à :</translation>
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
            <translation>%1 (id %2)</translation>
        </message>
        <message>
            <source>The model of this voice is gone.</source>
            <translation>Le modèle de cette voix n'existe plus.</translation>
        </message>
        <message>
            <source>Blind A/B/X compares exactly two voices.</source>
            <translation>Le test A/B/X à l’aveugle compare exactement deux voix.</translation>
        </message>
        <message>
            <source>Choose at least two voices.</source>
            <translation>Choisissez au moins deux voix.</translation>
        </message>
        <message>
            <source>Compare: generating %1</source>
            <translation>Comparaison : génération de %1</translation>
        </message>
        <message numerus="yes">
            <source>Generating %n sample(s)…</source>
            <translation>
                <numerusform>Génération de %n échantillon…</numerusform>
                <numerusform>Génération de %n échantillons…</numerusform>
            </translation>
        </message>
        <message>
            <source>Listen to A, B and X, say which one X is, rate A and B, then submit.</source>
            <translation>Écoutez A, B et X, indiquez à quelle voix correspond X, notez A et B, puis envoyez.</translation>
        </message>
        <message>
            <source>Listen and rate each voice, then save the ratings.</source>
            <translation>Écoutez et notez chaque voix, puis enregistrez les notes.</translation>
        </message>
        <message>
            <source>Say which voice X is first.</source>
            <translation>Indiquez d’abord à quelle voix correspond X.</translation>
        </message>
        <message>
            <source>A/B comparison: “%1”</source>
            <translation>Comparaison A/B : « %1 »</translation>
        </message>
        <message>
            <source>Rate at least one voice first.</source>
            <translation>Notez d’abord au moins une voix.</translation>
        </message>
        <message numerus="yes">
            <source>Correct: X was %1. %n rating(s) stored.</source>
            <translation>
                <numerusform>Exact : X était %1. %n note enregistrée.</numerusform>
                <numerusform>Exact : X était %1. %n notes enregistrées.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not quite: X was %1. %n rating(s) stored.</source>
            <translation>
                <numerusform>Pas tout à fait : X était %1. %n note enregistrée.</numerusform>
                <numerusform>Pas tout à fait : X était %1. %n notes enregistrées.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rating(s) stored with the voices' samples.</source>
            <translation>
                <numerusform>%n note enregistrée avec les échantillons des voix.</numerusform>
                <numerusform>%n notes enregistrées avec les échantillons des voix.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation>&amp;Envoyer</translation>
        </message>
        <message>
            <source>Check exactly two voices for a blind A/B/X test.</source>
            <translation>Cochez exactement deux voix pour un test A/B/X à l’aveugle.</translation>
        </message>
        <message>
            <source>Check two or more voices.</source>
            <translation>Cochez au moins deux voix.</translation>
        </message>
    </context>
    <context>
        <name>CompareSlotWidget</name>
        <message>
            <source>Waiting…</source>
            <translation>En attente…</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Lire</translation>
        </message>
        <message>
            <source>Rate…</source>
            <translation>Noter…</translation>
        </message>
        <message>
            <source>1 – bad</source>
            <translation>1 – mauvais</translation>
        </message>
        <message>
            <source>2 – poor</source>
            <translation>2 – médiocre</translation>
        </message>
        <message>
            <source>3 – fair</source>
            <translation>3 – correct</translation>
        </message>
        <message>
            <source>4 – good</source>
            <translation>4 – bon</translation>
        </message>
        <message>
            <source>5 – excellent</source>
            <translation>5 – excellent</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
    </context>
    <context>
        <name>DeleteProfileCommand</name>
        <message>
            <source>Delete voice “%1”</source>
            <translation>Supprimer la voix « %1 »</translation>
        </message>
    </context>
    <context>
        <name>DeviceDetect</name>
        <message numerus="yes">
            <source>%n CUDA device(s) detected</source>
            <translation>
                <numerusform>%n périphérique CUDA détecté</numerusform>
                <numerusform>%n périphériques CUDA détectés</numerusform>
            </translation>
        </message>
        <message>
            <source>No CUDA device detected</source>
            <translation>Aucun périphérique CUDA détecté</translation>
        </message>
        <message>
            <source>Not available: this build's LibTorch has no CUDA</source>
            <translation>Indisponible : la LibTorch de cette version n’a pas CUDA</translation>
        </message>
    </context>
    <context>
        <name>EngineWorker</name>
        <message>
            <source>Cancelled before it started.</source>
            <translation>Annulé avant le démarrage.</translation>
        </message>
        <message>
            <source>Loading the model…</source>
            <translation>Chargement du modèle…</translation>
        </message>
        <message>
            <source>Generating speech…</source>
            <translation>Génération de la parole…</translation>
        </message>
        <message>
            <source>The model ended the audio before the first frame; try another text or seed.</source>
            <translation>Le modèle a terminé l’audio avant la première trame ; essayez un autre texte ou une autre graine.</translation>
        </message>
        <message>
            <source>Generated %1 s of speech (%2 frames).</source>
            <translation>%1 s de parole générées (%2 trames).</translation>
        </message>
        <message>
            <source>Cancelled; nothing was stored.</source>
            <translation>Annulé ; rien n’a été enregistré.</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>Chargement de %1…</translation>
        </message>
        <message>
            <source>Writing the Hugging Face folder…</source>
            <translation>Écriture du dossier Hugging Face…</translation>
        </message>
        <message>
            <source>Reloading the exported folder…</source>
            <translation>Rechargement du dossier exporté…</translation>
        </message>
        <message>
            <source>Checking the exported model…</source>
            <translation>Vérification du modèle exporté…</translation>
        </message>
        <message>
            <source>%1: the exported model has %2 parameters, the source %3; the export is incomplete.</source>
            <translation>%1 : le modèle exporté a %2 paramètres, la source %3 ; l’export est incomplet.</translation>
        </message>
        <message>
            <source>%1: the exported configuration differs from the source.</source>
            <translation>%1 : la configuration exportée diffère de la source.</translation>
        </message>
        <message>
            <source>%1: the exported model speaks differently from the source; the weights were not written correctly.</source>
            <translation>%1 : le modèle exporté ne parle pas comme la source ; les poids n’ont pas été écrits correctement.</translation>
        </message>
        <message>
            <source>Exported to %1, reloaded and checked: %2 parameters, same greedy output.</source>
            <translation>Exporté vers %1, rechargé et vérifié : %2 paramètres, même sortie gloutonne.</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>Export annulé.</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>Écriture de %1…</translation>
        </message>
        <message>
            <source>Exported voice %1 to %2 (%3 MB).</source>
            <translation>Voix %1 exportée vers %2 (%3 Mo).</translation>
        </message>
        <message>
            <source>Checking and importing %1…</source>
            <translation>Vérification et import de %1…</translation>
        </message>
        <message>
            <source>Imported voice “%1” (id %2).</source>
            <translation>Voix « %1 » (id %2) importée.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export model</source>
            <translation>Exporter le modèle</translation>
        </message>
        <message>
            <source>Another folder…</source>
            <translation>Autre dossier…</translation>
        </message>
        <message>
            <source>&amp;Voice or model:</source>
            <translation>&amp;Voix ou modèle :</translation>
        </message>
        <message>
            <source>&amp;Model folder:</source>
            <translation>Dossier du &amp;modèle :</translation>
        </message>
        <message>
            <source>A new or empty folder</source>
            <translation>Un dossier nouveau ou vide</translation>
        </message>
        <message>
            <source>&amp;Export to:</source>
            <translation>&amp;Exporter vers :</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Hugging Face folder, merged weights (config.json + model.safetensors)</source>
            <translation>Dossier Hugging Face, poids fusionnés (config.json + model.safetensors)</translation>
        </message>
        <message>
            <source>Adapters only</source>
            <translation>Adaptateurs seulement</translation>
        </message>
        <message>
            <source>Original layout (Sesame ckpt.pt)</source>
            <translation>Format d’origine (Sesame ckpt.pt)</translation>
        </message>
        <message>
            <source>Available once the trainer writes LoRA adapters.</source>
            <translation>Disponible dès que l’entraînement écrira des adaptateurs LoRA.</translation>
        </message>
        <message>
            <source>Not supported yet: the engine writes the Hugging Face layout.</source>
            <translation>Pas encore pris en charge : le moteur écrit le format Hugging Face.</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exporter</translation>
        </message>
        <message>
            <source>Model folder</source>
            <translation>Dossier du modèle</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>Exporter vers</translation>
        </message>
        <message>
            <source>%1: the model folder does not exist.</source>
            <translation>%1 : le dossier du modèle n’existe pas.</translation>
        </message>
        <message>
            <source>%1 is not empty. Choose a new or empty folder, so nothing is overwritten.</source>
            <translation>%1 n’est pas vide. Choisissez un dossier nouveau ou vide pour ne rien écraser.</translation>
        </message>
        <message>
            <source>Queued…</source>
            <translation>En file d’attente…</translation>
        </message>
        <message>
            <source>Done. %1</source>
            <translation>Terminé. %1</translation>
        </message>
        <message>
            <source>Cancelled. The folder may hold a partial export; delete it.</source>
            <translation>Annulé. Le dossier peut contenir un export partiel ; supprimez-le.</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Échec : %1</translation>
        </message>
        <message>
            <source>Close (export continues)</source>
            <translation>Fermer (l’export continue)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>JobService</name>
        <message>
            <source>Generating a sample for “%1”</source>
            <translation>Génération d’un échantillon pour « %1 »</translation>
        </message>
        <message>
            <source>Exporting the model to %1</source>
            <translation>Export du modèle vers %1</translation>
        </message>
        <message>
            <source>Exporting voice %1</source>
            <translation>Export de la voix %1</translation>
        </message>
        <message>
            <source>Importing %1</source>
            <translation>Import de %1</translation>
        </message>
    </context>
    <context>
        <name>JobStatusWidget</name>
        <message>
            <source>Cancel the running job</source>
            <translation>Annuler la tâche en cours</translation>
        </message>
        <message>
            <source>%1 — cancelling…</source>
            <translation>%1 – annulation…</translation>
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message>
            <source>Filter voices (name, id, gender, accent, style…)</source>
            <translation>Filtrer les voix (nom, id, genre, accent, style…)</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importer…</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xporter…</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <source>Add a voice from a .csmvoice archive</source>
            <translation>Ajouter une voix depuis une archive .csmvoice</translation>
        </message>
        <message>
            <source>Save the selected voice, its samples and model as a .csmvoice archive</source>
            <translation>Enregistrer la voix choisie, ses échantillons et son modèle dans une archive .csmvoice</translation>
        </message>
        <message>
            <source>Move the selected voice to the library's trash (Undo brings it back)</source>
            <translation>Déplacer la voix choisie dans la corbeille de la bibliothèque (Annuler la restaure)</translation>
        </message>
        <message>
            <source>Delete voice</source>
            <translation>Supprimer la voix</translation>
        </message>
        <message>
            <source>Moved “%1” to the library's trash. Undo (Ctrl+Z) brings it back.</source>
            <translation>« %1 » a été déplacée dans la corbeille de la bibliothèque. Annuler (Ctrl+Z) la restaure.</translation>
        </message>
        <message>
            <source>Import voice</source>
            <translation>Importer une voix</translation>
        </message>
        <message>
            <source>Voice archives (*.csmvoice);;All files (*)</source>
            <translation>Archives de voix (*.csmvoice);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Export voice</source>
            <translation>Exporter la voix</translation>
        </message>
        <message>
            <source>Voice archives (*.csmvoice)</source>
            <translation>Archives de voix (*.csmvoice)</translation>
        </message>
        <message>
            <source>Generate sample</source>
            <translation>Générer un échantillon</translation>
        </message>
    </context>
    <context>
        <name>LibraryService</name>
        <message>
            <source>(broken profile)</source>
            <translation>(profil endommagé)</translation>
        </message>
        <message>
            <source>The library folder %1 does not exist yet; it is created when you add or import the first voice.</source>
            <translation>Le dossier de bibliothèque %1 n’existe pas encore ; il sera créé à l’ajout ou à l’import de la première voix.</translation>
        </message>
        <message>
            <source>%1 is not a folder. Choose another library folder in Settings.</source>
            <translation>%1 n’est pas un dossier. Choisissez un autre dossier de bibliothèque dans les paramètres.</translation>
        </message>
        <message>
            <source>The library folder %1 is read-only: you can browse and listen, but not change voices. Choose a writable folder in Settings to edit.</source>
            <translation>Le dossier de bibliothèque %1 est en lecture seule : vous pouvez parcourir et écouter les voix, mais pas les modifier. Choisissez un dossier accessible en écriture dans les paramètres.</translation>
        </message>
        <message>
            <source>Type the text the voice should say.</source>
            <translation>Saisissez le texte que la voix doit dire.</translation>
        </message>
        <message>
            <source>Voice %1 is no longer in the library (%2).</source>
            <translation>La voix %1 n’est plus dans la bibliothèque (%2).</translation>
        </message>
        <message>
            <source>%1: the model of “%2” is gone. Put it back, or point the profile to its model folder.</source>
            <translation>%1 : le modèle de « %2 » n’existe plus. Remettez-le en place ou indiquez au profil son dossier de modèle.</translation>
        </message>
        <message>
            <source>%1: no tokenizer.json beside the model. Set the base model folder (with tokenizer.json) in Settings.</source>
            <translation>%1 : pas de tokenizer.json à côté du modèle. Indiquez le dossier du modèle de base (avec tokenizer.json) dans les paramètres.</translation>
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
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Record your voice (coming with the recording issue)</source>
            <translation>Enregistrer votre voix (arrive avec la fonction d’enregistrement)</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Entraîner</translation>
        </message>
        <message>
            <source>Fine-tune a voice (coming with the training wizard)</source>
            <translation>Affiner une voix (arrive avec l’assistant d’entraînement)</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <source>Your voices: details, samples, import and export</source>
            <translation>Vos voix : détails, échantillons, import et export</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Comparer</translation>
        </message>
        <message>
            <source>Listen to voices side by side; blind A/B/X</source>
            <translation>Écouter les voix côte à côte ; test A/B/X à l’aveugle</translation>
        </message>
        <message>
            <source>Recording sessions (prompts, levels, takes) arrive with the recording issue. Until then, prepare data with the `csm data` command line.</source>
            <translation>Les sessions d’enregistrement (textes, niveaux, prises) arrivent avec la fonction d’enregistrement. En attendant, préparez les données avec la ligne de commande `csm data`.</translation>
        </message>
        <message>
            <source>The training wizard arrives with the training issue. Trained voices appear in the Library, where you can audition, compare and export them.</source>
            <translation>L’assistant d’entraînement arrive avec la fonction d’entraînement. Les voix entraînées apparaissent dans la bibliothèque, où vous pouvez les écouter, les comparer et les exporter.</translation>
        </message>
        <message>
            <source>Device: CUDA</source>
            <translation>Périphérique : CUDA</translation>
        </message>
        <message>
            <source>Device: CPU</source>
            <translation>Périphérique : CPU</translation>
        </message>
        <message>
            <source>No sound device</source>
            <translation>Aucun périphérique audio</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Import Voice…</source>
            <translation>&amp;Importer une voix…</translation>
        </message>
        <message>
            <source>E&amp;xport Voice…</source>
            <translation>E&amp;xporter la voix…</translation>
        </message>
        <message>
            <source>Export &amp;Model…</source>
            <translation>Exporter le &amp;modèle…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Delete Voice</source>
            <translation>&amp;Supprimer la voix</translation>
        </message>
        <message>
            <source>&amp;Filter Voices</source>
            <translation>&amp;Filtrer les voix</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Jobs</source>
            <translation>&amp;Tâches</translation>
        </message>
        <message>
            <source>&amp;Cancel Running Job</source>
            <translation>&amp;Annuler la tâche en cours</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;About CSM Studio</source>
            <translation>&amp;À propos de CSM Studio</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>À propos de &amp;Qt</translation>
        </message>
        <message>
            <source>The new language applies when CSM Studio starts again.</source>
            <translation>La nouvelle langue s’appliquera au prochain démarrage de CSM Studio.</translation>
        </message>
        <message>
            <source>Voice “%1” (id %2)</source>
            <translation>Voix « %1 » (id %2)</translation>
        </message>
        <message>
            <source>Base model</source>
            <translation>Modèle de base</translation>
        </message>
        <message>
            <source>About CSM Studio</source>
            <translation>À propos de CSM Studio</translation>
        </message>
        <message>
            <source>&lt;h3&gt;CSM Studio %1&lt;/h3&gt;&lt;p&gt;Fine-tune Sesame's CSM-1B speech model on your own voice, keep a library of voices, audition and compare them, and export them.&lt;/p&gt;&lt;p&gt;Clone only voices you have the right to use: a voice of another person needs their recorded or written consent.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;CSM Studio %1&lt;/h3&gt;&lt;p&gt;Affinez le modèle vocal CSM-1B de Sesame sur votre propre voix, gérez une bibliothèque de voix, écoutez-les, comparez-les et exportez-les.&lt;/p&gt;&lt;p&gt;Ne clonez que des voix que vous avez le droit d’utiliser : la voix d’une autre personne exige son consentement enregistré ou écrit.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>ProfileDetailWidget</name>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Échantillons</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Entraînement</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consentement</translation>
        </message>
        <message>
            <source>female</source>
            <translation>féminin</translation>
        </message>
        <message>
            <source>male</source>
            <translation>masculin</translation>
        </message>
        <message>
            <source>non-binary</source>
            <translation>non binaire</translation>
        </message>
        <message>
            <source>e.g. 30-40</source>
            <translation>p. ex. 30-40</translation>
        </message>
        <message>
            <source>e.g. newsreader, excited</source>
            <translation>p. ex. présentateur, enthousiaste</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Description :</translation>
        </message>
        <message>
            <source>&amp;Gender:</source>
            <translation>&amp;Genre :</translation>
        </message>
        <message>
            <source>&amp;Age range:</source>
            <translation>Tranche d’&amp;âge :</translation>
        </message>
        <message>
            <source>A&amp;ccent:</source>
            <translation>A&amp;ccent :</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>St&amp;yle:</source>
            <translation>St&amp;yle :</translation>
        </message>
        <message>
            <source>Model:</source>
            <translation>Modèle :</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>&amp;Lire</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>Arrê&amp;ter</translation>
        </message>
        <message>
            <source>Type a sentence for this voice to say</source>
            <translation>Saisissez une phrase que cette voix dira</translation>
        </message>
        <message>
            <source>&amp;Generate sample</source>
            <translation>&amp;Générer un échantillon</translation>
        </message>
        <message>
            <source>%1 (id %2)</source>
            <translation>%1 (id %2)</translation>
        </message>
        <message>
            <source>No voice selected</source>
            <translation>Aucune voix choisie</translation>
        </message>
        <message>
            <source>This profile cannot be read: %1. Fix or delete it; the other voices are not affected.</source>
            <translation>Ce profil est illisible : %1. Réparez-le ou supprimez-le ; les autres voix ne sont pas touchées.</translation>
        </message>
        <message>
            <source>The model is gone: %1. Samples can still be played, but new ones cannot be generated.</source>
            <translation>Le modèle n’existe plus : %1. Les échantillons restent lisibles, mais aucun nouveau ne peut être généré.</translation>
        </message>
        <message>
            <source>Recipe:</source>
            <translation>Recette :</translation>
        </message>
        <message>
            <source>Data:</source>
            <translation>Données :</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>Epochs:</source>
            <translation>Époques :</translation>
        </message>
        <message>
            <source>Best val loss:</source>
            <translation>Meilleure perte de validation :</translation>
        </message>
        <message>
            <source>Final loss:</source>
            <translation>Perte finale :</translation>
        </message>
        <message>
            <source>Started:</source>
            <translation>Début :</translation>
        </message>
        <message>
            <source>Finished:</source>
            <translation>Fin :</translation>
        </message>
        <message>
            <source>Run folder:</source>
            <translation>Dossier de l’exécution :</translation>
        </message>
        <message>
            <source>Hyperparameters:</source>
            <translation>Hyperparamètres :</translation>
        </message>
        <message>
            <source>This voice has not been trained in CSM Studio.</source>
            <translation>Cette voix n’a pas été entraînée dans CSM Studio.</translation>
        </message>
        <message>
            <source>Base model:</source>
            <translation>Modèle de base :</translation>
        </message>
        <message>
            <source>Person:</source>
            <translation>Personne :</translation>
        </message>
        <message>
            <source>Given at:</source>
            <translation>Donné le :</translation>
        </message>
        <message>
            <source>Method:</source>
            <translation>Méthode :</translation>
        </message>
        <message>
            <source>Statement:</source>
            <translation>Déclaration :</translation>
        </message>
        <message>
            <source>Recording:</source>
            <translation>Enregistrement :</translation>
        </message>
        <message>
            <source>Your own voice: no consent record is needed.</source>
            <translation>Votre propre voix : aucun consentement n’est nécessaire.</translation>
        </message>
        <message>
            <source>No consent record.</source>
            <translation>Aucun consentement enregistré.</translation>
        </message>
        <message numerus="yes">
            <source>★ %1 (%n rating(s))</source>
            <translation>
                <numerusform>★ %1 (%n note)</numerusform>
                <numerusform>★ %1 (%n notes)</numerusform>
            </translation>
        </message>
        <message>
            <source>A sample is being generated…</source>
            <translation>Un échantillon est en cours de génération…</translation>
        </message>
        <message>
            <source>The model of this voice is gone.</source>
            <translation>Le modèle de cette voix n'existe plus.</translation>
        </message>
    </context>
    <context>
        <name>ProfileTableModel</name>
        <message>
            <source>The model is gone: %1</source>
            <translation>Le modèle n’existe plus : %1</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>Age range</source>
            <translation>Tranche d’âge</translation>
        </message>
        <message>
            <source>Accent</source>
            <translation>Accent</translation>
        </message>
        <message>
            <source>Style</source>
            <translation>Style</translation>
        </message>
        <message>
            <source>Base model</source>
            <translation>Modèle de base</translation>
        </message>
        <message>
            <source>Last trained</source>
            <translation>Dernier entraînement</translation>
        </message>
        <message>
            <source>Best val loss</source>
            <translation>Meilleure perte val.</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Échantillons</translation>
        </message>
    </context>
    <context>
        <name>ScreenshotTour</name>
        <message>
            <source>Hello, this is my voice.</source>
            <translation>Bonjour, voici ma voix.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>System default</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>&amp;Library folder:</source>
            <translation>Dossier de la &amp;bibliothèque :</translation>
        </message>
        <message>
            <source>Folder of sesame/csm-1b (config.json, model.safetensors, tokenizer.json)</source>
            <translation>Dossier de sesame/csm-1b (config.json, model.safetensors, tokenizer.json)</translation>
        </message>
        <message>
            <source>&amp;Base model folder:</source>
            <translation>Dossier du modèle de &amp;base :</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA GPU — %1</source>
            <translation>GPU CUDA – %1</translation>
        </message>
        <message>
            <source>&amp;Device:</source>
            <translation>&amp;Périphérique :</translation>
        </message>
        <message>
            <source>L&amp;anguage:</source>
            <translation>L&amp;angue :</translation>
        </message>
        <message>
            <source>A new language applies when CSM Studio starts again.</source>
            <translation>Une nouvelle langue s’applique au prochain démarrage de CSM Studio.</translation>
        </message>
        <message>
            <source>Library folder</source>
            <translation>Dossier de la bibliothèque</translation>
        </message>
        <message>
            <source>Base model folder</source>
            <translation>Dossier du modèle de base</translation>
        </message>
        <message>
            <source>Does not exist yet; it is created with the first voice.</source>
            <translation>N’existe pas encore ; il sera créé avec la première voix.</translation>
        </message>
        <message>
            <source>This is not a folder.</source>
            <translation>Ce n’est pas un dossier.</translation>
        </message>
        <message>
            <source>Read-only: voices can be browsed but not changed.</source>
            <translation>Lecture seule : les voix peuvent être consultées mais pas modifiées.</translation>
        </message>
        <message>
            <source>Needed to generate with voices whose model has no tokenizer.json.</source>
            <translation>Nécessaire pour générer avec des voix dont le modèle n’a pas de tokenizer.json.</translation>
        </message>
        <message>
            <source>No config.json in this folder: it is not a CSM model folder.</source>
            <translation>Pas de config.json dans ce dossier : ce n’est pas un dossier de modèle CSM.</translation>
        </message>
        <message>
            <source>CUDA: %1</source>
            <translation>CUDA : %1</translation>
        </message>
    </context>
    <context>
        <name>SpectrogramWidget</name>
        <message>
            <source>No audio</source>
            <translation>Pas d’audio</translation>
        </message>
    </context>
    <context>
        <name>WavFile</name>
        <message>
            <source>%1: cannot write the audio file (%2). Check that the folder exists and is writable.</source>
            <translation>%1 : impossible d’écrire le fichier audio (%2). Vérifiez que le dossier existe et est accessible en écriture.</translation>
        </message>
        <message>
            <source>cannot open the file (%1)</source>
            <translation>impossible d’ouvrir le fichier (%1)</translation>
        </message>
        <message>
            <source>not a WAV file</source>
            <translation>pas un fichier WAV</translation>
        </message>
        <message>
            <source>the data chunk comes before the format chunk</source>
            <translation>le bloc de données précède le bloc de format</translation>
        </message>
        <message>
            <source>only 16-bit PCM and 32-bit float WAV files are supported</source>
            <translation>seuls les fichiers WAV PCM 16 bits et flottants 32 bits sont pris en charge</translation>
        </message>
        <message>
            <source>no audio data in the file</source>
            <translation>aucune donnée audio dans le fichier</translation>
        </message>
    </context>
    <context>
        <name>WaveformWidget</name>
        <message>
            <source>No audio</source>
            <translation>Pas d’audio</translation>
        </message>
    </context>
</TS>
